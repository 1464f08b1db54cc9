import { describe, expect, it } from 'vitest';
import type { Principal } from '../../server/core/context.ts';
import type { AsyncLedger, Ledgers } from '../../server/core/remote.ts';
import { type PulseResponse, pulseDimensions } from '../../shared/pulses.ts';
import { companyRow, companySize, departmentName, importedCompany } from '../support/company.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

/** An answer with the same expectation and perception across dimensions, and an optional comment. */
export const answer = (departmentId: string, expectation: number, perception: number, comment?: string) =>
  ({
    departmentId,
    ratings: {
      communication: { expectation, perception },
      productivity: { expectation, perception: Math.min(7, perception + 1) },
      responsiveness: { expectation, perception },
      quality: { expectation, perception },
    },
    ...(comment ? { comment } : {}),
  }) satisfies PulseResponse;

const eventTypes = async (L: AsyncLedger, admin: Principal, after: number) =>
  (await L.events(admin, { after, limit: 500 })).events.map((e) => e.type);

/**
 * Department pulses, whatever runs the ledger: anonymous answers (one per person and card), results only after
 * close and from the threshold up, "you said, we did", at a real company's size.
 */
export function pulsesContract(runtime: string, makeLedgers: () => Ledgers) {
  describe(`department pulses (${runtime})`, () => {
    it('takes six anonymous answers, shows nothing until close, then the gap; one answer per person', async () => {
      const { ledger: L, admin, manager, find, principalOf } = await seededDemo(makeLedgers());
      const payroll = (await find('Payroll')).id;
      // One ask to Payroll, rated: the per-ask ratings sit beside the pulse's.
      const sam = await principalOf('Sam Rivera');
      const rated = await newAsk(L, sam, askTo({ kind: 'department', id: payroll }, 'Overtime missing'));
      await L.transitionAsk(await principalOf('Priya Natarajan'), rated.id, { status: 'resolved' });
      await L.rateAsk(sam, rated.id, { overall: 4, communication: 5, comment: '' }, 'rate-overtime');
      const start = (await L.sync(admin, 0)).seq;
      const opened = (
        await L.openPulse(
          admin,
          { departmentIds: [payroll], audience: { kind: 'everyone' }, closesAt: inAWeek(), repeat: 'none' },
          'pulse-1',
        )
      ).result;
      // 18 people, 2 of them in Payroll: 16 are asked.
      expect(opened).toMatchObject({
        state: 'open',
        departments: [{ name: 'Payroll', audience: 16, respondents: null }],
      });
      const people = ['Sam Rivera', 'Maya Okafor', 'Jonas Berg', 'Aisha Bello', 'Carlos Mendes', 'Kenji Sato'];
      const respondents = await Promise.all(people.map(principalOf));
      for (const [i, who] of respondents.entries()) {
        expect((await L.myPulses(who)).pending).toEqual([
          {
            pulseId: opened.id,
            departmentId: payroll,
            departmentName: 'Payroll',
            closesAt: opened.closesAt,
            reminder: false,
          },
        ]);
        const a = answer(payroll, 6, 2 + (i % 3), i < 2 ? `Comment ${i}` : undefined);
        expect(await L.respondToPulse(who, opened.id, a, `answer-${i}`)).toEqual({
          pulseId: opened.id,
          departmentId: payroll,
          answered: true,
        });
        // A retry of the same request answers the same and records nothing more; a second answer is refused.
        expect(await L.respondToPulse(who, opened.id, a, `answer-${i}`)).toMatchObject({ answered: true });
        await expect(L.respondToPulse(who, opened.id, a, `again-${i}`)).rejects.toMatchObject({ code: 'conflict' });
        expect((await L.myPulses(who)).pending).toEqual([]);
      }
      // Payroll's own people are not asked about Payroll.
      const priya = await principalOf('Priya Natarajan');
      expect((await L.myPulses(priya)).pending).toEqual([]);
      await expect(L.respondToPulse(priya, opened.id, answer(payroll, 7, 7), 'own-dept')).rejects.toMatchObject({
        code: 'forbidden',
      });
      // Before close: nothing, not even a count.
      const early = await L.pulseResults(manager, opened.id, {});
      expect(early.departments[0]).toMatchObject({ hidden: 'open', respondents: null, dimensions: [], comments: [] });
      // Payroll's people hear of results only once there are some to read.
      expect((await L.myPulses(priya)).results).toEqual([]);
      await L.closePulse(manager, opened.id);
      expect((await L.myPulses(priya)).results).toEqual([
        { pulseId: opened.id, departmentId: payroll, departmentName: 'Payroll', closedAt: expect.any(String) },
      ]);
      expect((await L.myPulses(respondents[0])).results).toEqual([]);
      const results = await L.pulseResults(manager, opened.id, {});
      const cell = results.departments[0];
      expect(cell).toMatchObject({ hidden: null, respondents: 6, audience: 16 });
      // Perceptions 2,3,4,2,3,4 against 6: mean 3, gap -3; productivity one higher.
      expect(cell.dimensions.find((d) => d.dimension === 'communication')).toEqual({
        dimension: 'communication',
        expectation: 6,
        perception: 3,
        gap: -3,
        expectationSpread: 0,
        perceptionSpread: 0.82,
        expectationCounts: [0, 0, 0, 0, 0, 6, 0],
        perceptionCounts: [0, 2, 2, 2, 0, 0, 0],
      });
      expect(cell.dimensions.find((d) => d.dimension === 'productivity')).toMatchObject({ perception: 4, gap: -2 });
      expect([...cell.comments].sort()).toEqual(['Comment 0', 'Comment 1']);
      expect(cell.askRatings).toMatchObject({ rated: 1, overall: 4, communication: 5, responsiveness: null });
      expect(cell.history).toEqual([
        expect.objectContaining({
          pulseId: opened.id,
          respondents: 6,
          gaps: expect.objectContaining({ communication: -3 }),
        }),
      ]);
      // Closed: no more answers. The export tells of opening and closing, never of an answer.
      await expect(
        L.respondToPulse(await principalOf('Grace Kim'), opened.id, answer(payroll, 5, 5), 'late'),
      ).rejects.toMatchObject({
        code: 'conflict',
      });
      expect(await eventTypes(L, admin, start)).toEqual(['pulse.opened', 'pulse.closed']);
      // Payroll's members see Payroll's results; someone of another department is refused.
      expect((await L.pulseResults(priya, opened.id, {})).departments[0].respondents).toBe(6);
      await expect(L.pulseResults(respondents[0], opened.id, {})).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('shows nothing below the threshold, however it is filtered, and the threshold is the organisation’s', async () => {
      const { ledger: L, admin, manager, find, principalOf } = await seededDemo(makeLedgers());
      const [payroll, it_] = [(await find('Payroll')).id, (await find('IT')).id];
      const pulse = (
        await L.openPulse(
          admin,
          { departmentIds: [payroll, it_], audience: { kind: 'everyone' }, closesAt: inAWeek(), repeat: 'none' },
          'p',
        )
      ).result;
      const names = ['Sam Rivera', 'Maya Okafor', 'Carlos Mendes', 'Kenji Sato', 'Grace Kim'];
      for (const [i, name] of names.entries()) {
        const who = await principalOf(name);
        await L.respondToPulse(who, pulse.id, answer(payroll, 5, 4, `Payroll ${i}`), `payroll-${i}`);
        if (i < 4) await L.respondToPulse(who, pulse.id, answer(it_, 5, 4, `IT ${i}`), `it-${i}`);
      }
      await L.closePulse(admin, pulse.id);
      const all = await L.pulseResults(manager, pulse.id, {});
      const byName = Object.fromEntries(all.departments.map((d) => [d.name, d]));
      expect(byName.Payroll).toMatchObject({ hidden: null, respondents: 5 });
      expect(byName.IT).toMatchObject({
        hidden: 'below_threshold',
        respondents: 4,
        dimensions: [],
        comments: [],
        history: [],
      });
      // Narrowing to the department does not lower the bar.
      const narrowed = await L.pulseResults(manager, pulse.id, { departmentId: it_ });
      expect(narrowed.departments).toHaveLength(1);
      expect(narrowed.departments[0]).toMatchObject({ hidden: 'below_threshold', dimensions: [], comments: [] });
      expect(JSON.stringify(narrowed)).not.toContain('IT 0');
      // An IT member sees IT only, and still nothing.
      const jonas = await principalOf('Jonas Berg');
      const own = await L.pulseResults(jonas, pulse.id, {});
      expect(own.departments.map((d) => d.name)).toEqual(['IT']);
      expect(own.departments[0].hidden).toBe('below_threshold');
      // Nor is IT told its results are in.
      expect((await L.myPulses(jonas)).results).toEqual([]);
      await expect(L.pulseResults(jonas, pulse.id, { departmentId: payroll })).rejects.toMatchObject({
        code: 'not_found',
      });
      // The organisation's threshold: at 4 IT shows; set below 3 behind the API's back, 3 still holds.
      await L.updateSettings(admin, { pulses: { threshold: 4 } });
      const four = await L.pulseResults(manager, pulse.id, { departmentId: it_ });
      expect(four).toMatchObject({ threshold: 4, departments: [{ hidden: null, respondents: 4 }] });
      // The panel's cards say the same number to whoever answers.
      expect((await L.myPulses(jonas)).threshold).toBe(4);
      await L.updateSettings(admin, { pulses: { threshold: 1 } });
      expect((await L.pulseResults(manager, pulse.id, {})).threshold).toBe(3);
    });

    it('asks only who asked the department lately, when the pulse says so', async () => {
      const { ledger: L, admin, find, principalOf } = await seededDemo(makeLedgers());
      const legal = (await find('Legal')).id;
      const sam = await principalOf('Sam Rivera');
      const maya = await principalOf('Maya Okafor');
      await newAsk(L, sam, askTo({ kind: 'department', id: legal }, 'NDA for Acme'));
      const pulse = (
        await L.openPulse(
          admin,
          { departmentIds: [legal], audience: { kind: 'askedWithin', days: 30 }, closesAt: inAWeek(), repeat: 'none' },
          'asked',
        )
      ).result;
      expect(pulse.departments[0].audience).toBeGreaterThanOrEqual(1);
      expect((await L.myPulses(sam)).pending.map((c) => c.departmentName)).toEqual(['Legal']);
      expect((await L.myPulses(maya)).pending).toEqual([]);
      await expect(L.respondToPulse(maya, pulse.id, answer(legal, 5, 5), 'not-asked')).rejects.toMatchObject({
        code: 'forbidden',
      });
      // A skip hides the card until its one reminder.
      const skipped = await L.skipPulse(sam, pulse.id, { departmentId: legal });
      expect(skipped.remindAt).not.toBeNull();
      expect((await L.myPulses(sam)).pending).toEqual([]);
      expect(await L.skipPulse(sam, pulse.id, { departmentId: legal })).toEqual(skipped);
      // Skipped, one can still answer.
      expect(await L.respondToPulse(sam, pulse.id, answer(legal, 6, 6), 'after-skip')).toMatchObject({
        answered: true,
      });
    });

    it('lets the department record what it changes; the audience sees it and the next pulse shows it', async () => {
      const { ledger: L, admin, manager, find, principalOf } = await seededDemo(makeLedgers());
      const payroll = (await find('Payroll')).id;
      const tom = await principalOf('Tom Becker');
      const sam = await principalOf('Sam Rivera');
      const first = (
        await L.openPulse(
          admin,
          { departmentIds: [payroll], audience: { kind: 'everyone' }, closesAt: inAWeek(), repeat: 'none' },
          'first',
        )
      ).result;
      const five = await Promise.all(
        ['Sam Rivera', 'Maya Okafor', 'Jonas Berg', 'Aisha Bello', 'Carlos Mendes'].map(principalOf),
      );
      for (const [i, who] of five.entries()) await L.respondToPulse(who, first.id, answer(payroll, 6, 3), `first-${i}`);
      const change = { text: 'Overtime shows on the payslip', ownerId: tom.personId, due: '2030-03-31' };
      await expect(L.setPulseActions(tom, first.id, payroll, { actions: [change] })).rejects.toMatchObject({
        code: 'conflict',
      });
      await L.closePulse(admin, first.id);
      const forTom = (await L.pulseResults(tom, first.id, {})).departments[0];
      expect(forTom.canRecordActions).toBe(true);
      // The owners to choose from: Payroll's active members, by name; nobody else is offered them.
      expect(forTom.owners.map((o) => o.name)).toEqual(['Priya Natarajan', 'Tom Becker']);
      const forManager = (await L.pulseResults(manager, first.id, {})).departments[0];
      expect(forManager.canRecordActions).toBe(false);
      expect(forManager.owners).toEqual([]);
      // Another department's manager may not; Payroll's manager may; at most three (the schema), owners must exist.
      await expect(L.setPulseActions(manager, first.id, payroll, { actions: [change] })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        L.setPulseActions(tom, first.id, payroll, { actions: [{ ...change, ownerId: 'nobody' }] }),
      ).rejects.toMatchObject({ code: 'validation_failed', fields: { 'actions.0.ownerId': expect.any(String) } });
      const before = (await L.sync(admin, 0)).seq;
      expect(await L.setPulseActions(tom, first.id, payroll, { actions: [change] })).toEqual({
        actions: [{ text: change.text, owner: { id: tom.personId, name: 'Tom Becker' }, due: '2030-03-31' }],
      });
      await L.setPulseActions(tom, first.id, payroll, { actions: [change] });
      expect(await eventTypes(L, admin, before)).toEqual(['pulse.actions_set']);
      expect((await L.myPulses(sam)).changes).toEqual([
        expect.objectContaining({
          pulseId: first.id,
          departmentName: 'Payroll',
          actions: [expect.objectContaining({ text: change.text })],
        }),
      ]);
      const second = (
        await L.openPulse(
          admin,
          { departmentIds: [payroll], audience: { kind: 'everyone' }, closesAt: inAWeek(), repeat: 'none' },
          'second',
        )
      ).result;
      expect((await L.pulseResults(manager, second.id, {})).departments[0].previousActions).toEqual([
        expect.objectContaining({ text: change.text }),
      ]);
      // The gap over successive pulses: -3 then -1 in communication.
      for (const [i, who] of five.entries())
        await L.respondToPulse(who, second.id, answer(payroll, 6, 5), `second-${i}`);
      await L.closePulse(admin, second.id);
      const history = (await L.pulseResults(manager, second.id, {})).departments[0].history;
      expect(history.map((h) => [h.pulseId, h.respondents, h.gaps.communication])).toEqual([
        [first.id, 5, -3],
        [second.id, 5, -1],
      ]);
      // The first pulse's results stop at itself.
      expect((await L.pulseResults(manager, first.id, {})).departments[0].history.map((h) => h.pulseId)).toEqual([
        first.id,
      ]);
    });

    it(`runs at a company’s size: ${companySize.people} people, an everyone audience`, async () => {
      const { ledger: L, admin } = await importedCompany(makeLedgers(), 'pulse');
      const departments = (await L.departments(admin)).departments;
      const ids = departments
        .filter((d) => d.name !== departmentName(0))
        .map((d) => d.id)
        .slice(0, 20);
      const target = departments.find((d) => d.name === departmentName(0))?.id as string;
      const pulse = (
        await L.openPulse(
          admin,
          {
            departmentIds: [target, ...ids.slice(0, 19)],
            audience: { kind: 'everyone' },
            closesAt: inAWeek(),
            repeat: 'none',
          },
          'big',
        )
      ).result;
      const counted = pulse.departments.find((d) => d.id === target);
      // Everyone active but the department's 25 members (and Ada, who is in none).
      expect(counted?.audience).toBe(companySize.people + 1 - companySize.people / companySize.departments);
      const person = async (i: number) =>
        (await L.personByEmail({ email: companyRow(i).email, name: '' }, false)) as Principal;
      // 60 answers spread over the whole scale: the results must be the exact statistics of what was sent.
      const sent: PulseResponse[] = [];
      // Person i is in department i % 40: the target's own members (i % 40 = 0) are not asked.
      for (let i = 1; sent.length < 60; i++) {
        if (i % companySize.departments === 0) continue;
        const who = await person(i);
        if (i === 1) expect((await L.myPulses(who)).pending.length).toBeGreaterThanOrEqual(19);
        const ratings = Object.fromEntries(
          pulseDimensions.map((d, k) => [
            d,
            { expectation: 1 + ((i * 3 + k) % 7), perception: 1 + ((i * i + 2 * k) % 7) },
          ]),
        ) as PulseResponse['ratings'];
        sent.push({ departmentId: target, ratings });
        await L.respondToPulse(who, pulse.id, sent[sent.length - 1], `big-${i}`);
      }
      await L.closePulse(admin, pulse.id);
      const results = await L.pulseResults(admin, pulse.id, {});
      expect(results.departments).toHaveLength(20);
      const shown = results.departments.find((d) => d.departmentId === target);
      expect(shown).toMatchObject({ hidden: null, respondents: 60 });
      const round2 = (n: number) => Math.round(n * 100) / 100;
      const exact = (values: number[]) => {
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
        return { mean, sd, counts: [1, 2, 3, 4, 5, 6, 7].map((v) => values.filter((x) => x === v).length) };
      };
      expect(shown?.dimensions).toEqual(
        pulseDimensions.map((d) => {
          const e = exact(sent.map((a) => a.ratings[d].expectation));
          const p = exact(sent.map((a) => a.ratings[d].perception));
          return {
            dimension: d,
            expectation: round2(e.mean),
            perception: round2(p.mean),
            gap: round2(p.mean - e.mean),
            expectationSpread: round2(e.sd),
            perceptionSpread: round2(p.sd),
            expectationCounts: e.counts,
            perceptionCounts: p.counts,
          };
        }),
      );
      expect(results.departments.filter((d) => d.hidden === 'below_threshold')).toHaveLength(19);
      expect((await L.pulses(admin)).pulses[0].departments).toHaveLength(20);
    });
  });
}
