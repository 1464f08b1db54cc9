/** What the operator allows webhooks to reach; both off in production. */
export interface OutboundPolicy {
  /** http:// addresses (TANDEM_WEBHOOK_ALLOW_HTTP=1). */
  allowHttp: boolean;
  /** Private, loopback and link-local addresses (TANDEM_WEBHOOK_ALLOW_PRIVATE=1; Node only). */
  allowPrivate: boolean;
}

export const outboundPolicy = (env: Record<string, string | undefined>): OutboundPolicy => ({
  allowHttp: env.TANDEM_WEBHOOK_ALLOW_HTTP === '1',
  allowPrivate: env.TANDEM_WEBHOOK_ALLOW_PRIVATE === '1',
});
