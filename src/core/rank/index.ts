/**
 * The generic ranker: prior (how often a cause occurs) × the product of its signal weights gives
 * a raw strength; proof decides the status whatever the weights (confirmed above every unproven
 * cause, ruled-out last); the rest are likely / possible / unlikely by strength. Ties go to the
 * more specific cause (CauseDefinition.specificity / refines — data, never an id switch).
 */
import type { CauseStatus, CommandStep, Evidence, Fix, RankedCause } from '../types.js';
import type { CauseContext, CauseDefinition, CommandTemplate, FixCommand, SignalResult, TemplateFacts } from '../causes/types.js';
import { compileTemplate, fillCommand, fillWords } from '../causes/templates.js';
import { STAGE_ORDER, failureStage, type Stage } from '../causes/signals.js';
import { gateOpen } from '../causes/gate.js';
import { factsFor } from '../causes/service-facts.js';

/** Raw strength at or above which an unproven cause is `likely`. */
export const LIKELY_AT = 3;
/** … `possible`; below it `unlikely`. */
export const POSSIBLE_AT = 0.25;

const STATUS_ORDER: Record<CauseStatus, number> = { confirmed: 0, likely: 1, possible: 2, unlikely: 3, 'ruled-out': 4 };
/** Score bands per status, so scores are comparable within an answer and follow the order. */
const BANDS: Record<CauseStatus, [number, number]> = {
  confirmed: [0.9, 1], likely: [0.6, 0.9], possible: [0.3, 0.6], unlikely: [0.05, 0.3], 'ruled-out': [0, 0.05],
};

export interface Assessed {
  def: CauseDefinition;
  /** What the ranker reads of `def`, in one shape for every cause (see Cause). */
  cause: Cause;
  status: CauseStatus;
  raw: number;
  evidence: Array<Evidence & { weight: number; proof?: 'confirmed' | 'ruled-out' }>;
  /** For the sort, computed once: raw does not change after assess. The log-scale bucket of `raw`. */
  bucket: number;
  /** The product of the signal weights: `raw` without the prior. */
  strength: number;
}

function clampWeight(w: number): number {
  if (!Number.isFinite(w) || w <= 0) return 1e-3;
  return Math.min(1000, Math.max(1e-3, w));
}

/**
 * Told the id of a cause whose appliesTo or signal threw (a bug, never the person's input); the
 * caller leaves that cause out of the answer instead of ranking it on partial evidence.
 */
export type OnCheckFailed = (id: string) => void;

/** Families whose causes all act when policies are evaluated (after the token/provider checks). */
const POLICY_FAMILIES = new Set(['trust-policy', 'caller', 'guardrail', 'condition', 'session-tags']);
const STAGE_WORDS: Record<Stage, string> = {
  client: 'before any request was sent (no token was obtained)',
  idp: 'when STS looked up the identity provider',
  token: 'when STS validated the token or assertion itself',
  policy: 'when the policies were evaluated',
};

/** The stage a cause fails at, or null when it can happen at any stage. */
function stageOf(def: CauseDefinition): Stage | null {
  return def.stage ?? (POLICY_FAMILIES.has(def.family) ? 'policy' : null);
}

/**
 * A message that places the failure at a stage disproves server-side causes of other stages: later
 * stages were never reached, earlier server-side stages were passed. Client-side causes stay open.
 */
function stageProofUncached(own: Stage, err: Stage): SignalResult | null {
  if (own === err) return null;
  if (STAGE_ORDER[own] > STAGE_ORDER[err]) {
    return { weight: 1, proof: 'ruled-out', evidence: { text: `The call failed ${STAGE_WORDS[err]}, so it never reached the point where this cause would act (${STAGE_WORDS[own]}).`, source: 'message' } };
  }
  if (own !== 'client') {
    return { weight: 1, proof: 'ruled-out', evidence: { text: `The call failed ${STAGE_WORDS[err]}, which comes after the check this cause fails (${STAGE_WORDS[own]}): that check passed.`, source: 'message' } };
  }
  return null;
}

/** The stage proofs of every (cause stage, failure stage) pair, built once: assess copies their fields. */
const STAGES = Object.keys(STAGE_WORDS) as Stage[];
const STAGE_PROOFS = Object.fromEntries(
  STAGES.map((own) => [own, Object.fromEntries(STAGES.map((err) => [err, stageProofUncached(own, err)]))]),
) as Record<Stage, Record<Stage, SignalResult | null>>;

function stageProof(own: Stage | null, err: Stage | null): SignalResult | null {
  return err && own ? STAGE_PROOFS[own][err] : null;
}

/** A confirm step or fix command with its template split once, when its definition is first ranked. */
interface PreparedStep<S> { step: S; description: readonly string[]; command: readonly string[] }

/**
 * What the ranker reads of a definition, in one object shape for every cause. The catalog's
 * definitions come in eight shapes (optional gate, stage, refines …): reading their fields in
 * assess and at every comparison of the sort was a megamorphic lookup each time. Built once per
 * definition, with its templates split for fillWords / fillCommand; its functions (appliesTo,
 * signals, when) are read from the definition itself.
 */
interface Cause {
  def: CauseDefinition;
  id: string;
  /** The prior, 0.01 when it is not positive. */
  prior: number;
  stage: Stage | null;
  refines: readonly string[] | null;
  supersedes: readonly string[] | null;
  specificity: number;
  confirm: Array<PreparedStep<CommandTemplate>>;
  fixDescription: readonly string[];
  fixNotes: Array<{ step: { when: (ctx: CauseContext) => boolean }; text: readonly string[] }>;
  fixCommands: Array<{ step: string | FixCommand; command: readonly string[] }>;
}

const causes = new WeakMap<CauseDefinition, Cause>();
function causeOf(def: CauseDefinition): Cause {
  let c = causes.get(def);
  if (!c) {
    c = {
      def,
      id: def.id,
      prior: def.prior > 0 ? def.prior : 0.01,
      stage: stageOf(def),
      refines: def.refines ?? null,
      supersedes: def.supersedes ?? null,
      specificity: def.specificity ?? 0,
      confirm: def.confirm.map((step) => ({ step, description: compileTemplate(step.description), command: compileTemplate(step.command) })),
      fixDescription: compileTemplate(def.fix.description),
      fixNotes: (def.fix.notes ?? []).map((step) => ({ step, text: compileTemplate(step.text) })),
      fixCommands: def.fix.commands.map((step) => ({ step, command: compileTemplate(typeof step === 'string' ? step : step.command) })),
    };
    causes.set(def, c);
  }
  return c;
}

/** A catalog's causes, prepared once per catalog (one lookup per answer, not one per definition). */
const catalogs = new WeakMap<readonly CauseDefinition[], readonly Cause[]>();
function causesOf(defs: readonly CauseDefinition[]): readonly Cause[] {
  let list = catalogs.get(defs);
  if (!list) { list = defs.map(causeOf); catalogs.set(defs, list); }
  return list;
}

/** What assess gathers from a cause's signals, one object per cause (no array of the results). */
interface Tally {
  raw: number;
  confirmed: boolean;
  ruledOut: boolean;
  /** A signal says the message itself names this cause. */
  claimed: boolean;
  /** A signal argues strongly against the cause (weight < 0.2): a floor no longer holds. */
  contradicted: boolean;
  floor: CauseStatus | null;
  evidence: Assessed['evidence'];
}

function count(t: Tally, r: SignalResult): void {
  const weight = clampWeight(r.weight);
  t.raw *= weight;
  if (r.proof === 'confirmed') t.confirmed = true;
  if (r.proof === 'ruled-out') t.ruledOut = true;
  if (r.claim) t.claimed = true;
  if (weight < 0.2) t.contradicted = true;
  if (r.atLeast && (t.floor === null || STATUS_ORDER[r.atLeast] < STATUS_ORDER[t.floor])) t.floor = r.atLeast;
  // one object shape for every entry (a spread of each signal's own evidence object was the
  // ranker's hottest line); absent fields stay undefined and are dropped by orderEvidence
  const x = r.evidence;
  t.evidence.push({ text: x.text, source: x.source, policy: x.policy, statement: x.statement, weight, proof: r.proof || undefined });
}

/** Runs the cause's signals into the tally, in order; a signal that throws counts as no signal. */
function countSignals(t: Tally, c: Cause, ctx: CauseContext, failed?: OnCheckFailed): void {
  for (const sig of c.def.signals) {
    let r: ReturnType<typeof sig>;
    try { r = sig(ctx); } catch { r = null; failed?.(c.id); } // a signal bug never breaks an answer
    if (!r) continue;
    if (!Array.isArray(r)) { if (r.evidence) count(t, r); continue; }
    for (const x of r) if (x && x.evidence) count(t, x);
  }
}

/** One tally, reset for each cause: assess never runs inside a signal, and this is its hottest path. */
const tally: Tally = { raw: 1, confirmed: false, ruledOut: false, claimed: false, contradicted: false, floor: null, evidence: [] };
function startTally(raw: number): Tally {
  tally.raw = raw;
  tally.confirmed = tally.ruledOut = tally.claimed = tally.contradicted = false;
  tally.floor = null;
  tally.evidence = []; // returned with the cause: a new list each time
  return tally;
}

/** Scores one cause from its signals. */
export function assess(def: CauseDefinition, ctx: CauseContext, failed?: OnCheckFailed): Assessed {
  return assessCause(causeOf(def), ctx, failureStage(ctx), failed);
}

/** assess, with the stage the call failed at (the same for every cause of the answer). */
function assessCause(c: Cause, ctx: CauseContext, failedAt: Stage | null, failed?: OnCheckFailed): Assessed {
  const t = startTally(c.prior);
  countSignals(t, c, ctx, failed);
  const staged = stageProof(c.stage, failedAt);
  if (staged) count(t, staged);
  let { raw, ruledOut, floor } = t;
  const { confirmed, evidence } = t;
  // The message's own claim (AWS names this policy type) is not overruled by an evaluation of the
  // pasted copies: the copy may be stale or the evaluation may miss a statement. Lower the
  // confidence instead of ruling the cause out.
  if (ruledOut && !confirmed && t.claimed) {
    ruledOut = false;
    raw *= 0.3;
    floor = null; // the claim's floor does not outweigh the pasted copies
    evidence.push({ text: 'The pasted policies seem to allow this, but AWS itself names this cause in the message; check that the pasted copies are the current, attached ones (and that every statement was pasted).', source: 'catalog', weight: 0.3 });
  }
  let status: CauseStatus;
  if (confirmed && ruledOut) {
    status = 'possible';
    evidence.push({ text: 'The evidence conflicts: one check proves this cause and another rules it out; check the pasted policies are the current ones.', source: 'catalog', weight: 1 });
  } else if (confirmed) status = 'confirmed';
  else if (ruledOut) status = 'ruled-out';
  else {
    status = raw >= LIKELY_AT ? 'likely' : raw >= POSSIBLE_AT ? 'possible' : 'unlikely';
    // The floor holds unless another signal argues strongly against the cause (weight < 0.2).
    if (floor && !t.contradicted && STATUS_ORDER[floor] < STATUS_ORDER[status]) status = floor;
  }
  // the sort's keys are computed here, once: raw does not change after assess
  return { def: c.def, cause: c, status, raw, evidence, bucket: bucket(raw), strength: raw / c.prior };
}

/** Log-scale bucket: strengths within ~25% of each other tie, so specificity can decide. */
const bucket = (raw: number) => Math.round(Math.log(Math.max(raw, 1e-9)) / Math.log(1.25));

export function compareAssessed(a: Assessed, b: Assessed): number {
  const s = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  if (s) return s;
  const ca = a.cause;
  const cb = b.cause;
  // A cause that refines another of the same status comes first when it is proven, or when the
  // evidence for it (the weights, priors aside) is stronger: the specific form is then the more
  // useful answer, even though the generic cause is more frequent on its own.
  if (ca.refines?.includes(cb.id) && (a.status === 'confirmed' || a.strength > b.strength * 1.01)) return -1;
  if (cb.refines?.includes(ca.id) && (b.status === 'confirmed' || b.strength > a.strength * 1.01)) return 1;
  if (a.status === 'confirmed' && ca.supersedes?.includes(cb.id)) return -1;
  if (b.status === 'confirmed' && cb.supersedes?.includes(ca.id)) return 1;
  const bk = b.bucket - a.bucket;
  if (bk) return bk;
  const sp = cb.specificity - ca.specificity;
  if (sp) return sp;
  return b.raw - a.raw;
}

const DOWNGRADE: Partial<Record<CauseStatus, CauseStatus>> = { confirmed: 'possible', likely: 'possible' };

/** The ranked cause with this id, if it applies (a linear scan: a few dozen causes, rarely asked). */
function findAssessed(list: Assessed[], id: string): Assessed | undefined {
  for (const x of list) if (x.cause.id === id) return x;
  return undefined;
}

/** Drops `id` below the confirmed cause `a`, with a note naming `a`; `moot` when `a` supersedes it. */
function downgrade(list: Assessed[], a: Assessed, id: string, moot: boolean): void {
  const g = findAssessed(list, id);
  if (!g || g === a) return;
  const next = DOWNGRADE[g.status];
  if (!next) return;
  g.status = next;
  g.evidence.push({
    text: moot
      ? `"${a.def.title}" (${a.def.id}) is proven: fix that first — this cause's fix would change policies for the wrong identity.`
      : `Covered by a more precise cause: "${a.def.title}" (${a.def.id}) is proven and is the specific form of this one.`,
    source: 'catalog', weight: 1,
  });
}

/**
 * When a cause is confirmed, the generic causes it refines are true but less useful: they drop
 * below it (to `possible`) with a note naming the precise cause. A cause it supersedes drops too.
 */
function applyRefinements(list: Assessed[]): void {
  for (const a of list) {
    if (a.status !== 'confirmed') continue;
    const { refines, supersedes } = a.cause;
    // a downgraded cause is `possible`, which never downgrades again: repeats are no-ops
    if (refines) for (const id of refines) downgrade(list, a, id, !!supersedes?.includes(id));
    if (supersedes) for (const id of supersedes) downgrade(list, a, id, true);
  }
}

/** Adds "cannot separate" evidence when the two leading unproven causes are too close to call. */
function noteTies(sorted: Assessed[]): void {
  // the two leading causes that are not ruled out (those sort last)
  const a = sorted[0]?.status !== 'ruled-out' ? sorted[0] : undefined;
  const b = sorted[1]?.status !== 'ruled-out' ? sorted[1] : undefined;
  if (!a || !b || a.status === 'confirmed' || a.status !== b.status) return;
  if (a.raw / Math.max(b.raw, 1e-9) >= 1.5) return;
  const why = (other: Assessed) => ({
    text: `The evidence so far cannot separate this from "${other.def.title}" (${other.def.id}); the order follows how often each occurs in practice${(a.def.specificity ?? 0) !== (b.def.specificity ?? 0) ? ' and which is more specific' : ''}. The confirm commands tell them apart.`,
    source: 'catalog' as const, weight: 1,
  });
  a.evidence.push(why(b));
  b.evidence.push(why(a));
}

function scoreOf(a: Assessed): number {
  const [lo, hi] = BANDS[a.status];
  const r = a.raw / (a.raw + 1);
  return Math.round((lo + (hi - lo) * r) * 1000) / 1000;
}

type Entry = Assessed['evidence'][number];
/** Proof first, then the message's and policies' evidence, the catalog's notes last. */
const evidenceRank = (e: Entry) => (e.proof ? 0 : e.source === 'catalog' ? 2 : 1);
/** How far the entry moves the cause, either way. */
const evidenceStrength = (e: Entry) => Math.abs(Math.log(e.weight));
/** Whether `y` goes strictly after `x`: equal entries keep their order. */
const goesAfter = (y: Entry, x: Entry) => {
  const r = evidenceRank(y) - evidenceRank(x);
  return r > 0 || (r === 0 && evidenceStrength(y) < evidenceStrength(x));
};

/** The evidence as the answer shows it (no weight or proof fields). */
function publicEvidence(e: Assessed['evidence'][number]): Evidence {
  const o: Evidence = { text: e.text, source: e.source };
  if (e.policy !== undefined) o.policy = e.policy;
  if (e.statement !== undefined) o.statement = e.statement;
  return o;
}

/**
 * The evidence in answer order. A stable insertion sort in place: a cause has a handful of entries,
 * and Array#sort with keyed copies allocated more than the entries themselves (bench/README.md).
 */
function orderEvidence(ev: Assessed['evidence']): Evidence[] {
  for (let i = 1; i < ev.length; i++) {
    const x = ev[i]!;
    let j = i - 1;
    while (j >= 0 && goesAfter(ev[j]!, x)) { ev[j + 1] = ev[j]!; j--; }
    ev[j + 1] = x;
  }
  // pushed, not `new Array(n)`: JSON.stringify serializes a holey array element by element on its slow path
  const out: Evidence[] = [];
  for (const e of ev) out.push(publicEvidence(e));
  return out;
}

/** Corrected policy documents are built for the causes worth acting on: proven, or among the first few live ones. */
const CORRECTED_FOR_FIRST = 5;
/**
 * Commands are filled in for every cause still in play and for the first few of the rest; the long
 * tail of unlikely and ruled-out causes carries its evidence only. Filling every template of every
 * cause made up most of an answer's size and a third of its CPU time (bench/README.md).
 */
const DETAILED_FIRST = 8;
const LIVE: ReadonlySet<CauseStatus> = new Set(['confirmed', 'likely', 'possible']);

/** A `when` that throws leaves its step out (a bug in one step never breaks an answer). */
function stepApplies(step: { when?: (ctx: CauseContext) => boolean }, ctx: CauseContext): boolean {
  if (!step.when) return true;
  try { return step.when(ctx); } catch { return false; }
}

function buildConfirm(p: Cause, ctx: CauseContext, facts: TemplateFacts): CommandStep[] {
  const out: CommandStep[] = [];
  for (const c of p.confirm) {
    if (stepApplies(c.step, ctx)) out.push({ description: fillWords(c.description, facts), command: fillCommand(c.command, facts) });
  }
  return out;
}

/** The fix's description, with the notes that apply to this answer. */
function fixDescription(p: Cause, ctx: CauseContext, facts: TemplateFacts): string {
  let out = fillWords(p.fixDescription, facts);
  for (const n of p.fixNotes) if (stepApplies(n.step, ctx)) out += ` ${fillWords(n.text, facts)}`;
  return out;
}

function buildFix(p: Cause, ctx: CauseContext, facts: TemplateFacts, withPolicy: boolean): Fix {
  const def = p.def;
  const commands: string[] = [];
  for (const c of p.fixCommands) if (typeof c.step === 'string' || stepApplies(c.step, ctx)) commands.push(fillCommand(c.command, facts));
  const fix: Fix = { description: fixDescription(p, ctx, facts), commands };
  if (withPolicy && def.fix.correctPolicy) {
    try {
      const corrected = def.fix.correctPolicy(ctx);
      if (corrected) { fix.policy = corrected.policy; fix.policyIndex = corrected.policyIndex; }
    } catch { /* no corrected document */ }
  }
  return fix;
}

/** Ranks every applicable cause of the catalog for one answer. */
export function rank(defs: readonly CauseDefinition[], ctx: CauseContext, failed?: OnCheckFailed): RankedCause[] {
  const list: Assessed[] = [];
  const failedAt = failureStage(ctx);
  for (const c of causesOf(defs)) {
    const def = c.def; // its functions are read as they are now (a test may swap one)
    let applies = false;
    if (def.gate && !gateOpen(def.gate, ctx)) continue; // cannot apply: appliesTo is not asked
    try { applies = def.appliesTo(ctx); } catch { applies = false; failed?.(c.id); }
    if (applies) list.push(assessCause(c, ctx, failedAt, failed));
  }
  applyRefinements(list);
  list.sort(compareAssessed);
  noteTies(list);
  let prev = 1;
  const out: RankedCause[] = []; // packed, as orderEvidence's
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const score = Math.min(prev, scoreOf(a));
    prev = score;
    const detailed = i < DETAILED_FIRST || LIVE.has(a.status);
    const facts = factsFor(a.def, ctx);
    const p = a.cause;
    out.push({
      id: p.id,
      title: a.def.title,
      status: a.status,
      score,
      evidence: orderEvidence(a.evidence),
      confirm: detailed ? buildConfirm(p, ctx, facts) : [],
      fix: detailed
        ? buildFix(p, ctx, facts, a.status === 'confirmed' || (i < CORRECTED_FOR_FIRST && a.status !== 'ruled-out'))
        : { description: fixDescription(p, ctx, facts), commands: [] },
      docs: a.def.docs,
      detail: detailed ? 'full' : 'summary',
    });
  }
  return out;
}
