import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type * as z from 'zod';
import { ApiError } from './errors.ts';

/** zValidator that refuses bad input with our error shape, naming every field at fault. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const fields: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.') || target;
        fields[path] ??= issue.message;
      }
      throw new ApiError('validation_failed', `Invalid ${target}: ${Object.keys(fields).join(', ')}`, fields);
    }
  });
