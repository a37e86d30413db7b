import type { z } from 'zod';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import {
  eventContract,
  invokeContract,
  type EventPayload,
  type HandlerRequest,
  type HandlerResult,
} from '../../shared/ipc/contract';
import { isSameOrigin, originOf } from './appOrigin';

/** What main knows about who sent an IPC message (read from the Electron event by ipc.ts). */
export interface SenderFacts {
  /** The sending frame's URL; null when the frame is gone or detached. */
  frameUrl: string | null;
  isTopFrame: boolean;
  /** The message came from the webContents of a workbench window. */
  fromAppWindow: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Why a sender may not call main, or null when it may: our window, its top frame, our origin. */
export function senderRefusal(facts: SenderFacts, origin: string): string | null {
  if (!facts.fromAppWindow) return 'the sender is not a workbench window';
  if (facts.frameUrl === null) return 'the sending frame is gone';
  if (!facts.isTopFrame) return 'only the top frame may call main';
  if (!isSameOrigin(facts.frameUrl, origin))
    return `the sender's origin ${originOf(facts.frameUrl) ?? '(none)'} is not ${origin}`;
  return null;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

/** Check an incoming call: sender first, then exactly one argument matching the channel's schema. */
export function checkInvoke<C extends InvokeChannel>(
  channel: C,
  facts: SenderFacts,
  origin: string,
  args: readonly unknown[],
): Checked<HandlerRequest<C>> {
  const refusal = senderRefusal(facts, origin);
  if (refusal) return { ok: false, error: refusal };
  if (args.length > 1) return { ok: false, error: `expects at most one argument, got ${args.length}` };
  const parsed = invokeContract[channel].request.safeParse(args[0]);
  if (!parsed.success) return { ok: false, error: `invalid request — ${describeIssues(parsed.error)}` };
  return { ok: true, value: parsed.data as HandlerRequest<C> };
}

/** Main's own answer must match the contract too; a mismatch is a bug in main, reported as such. */
export function checkResult<C extends InvokeChannel>(channel: C, value: HandlerResult<C>): unknown {
  const parsed = invokeContract[channel].response.safeParse(value);
  if (!parsed.success)
    throw new Error(`${channel}: main produced an invalid response — ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function checkEvent<C extends EventChannel>(channel: C, payload: EventPayload<C>): EventPayload<C> {
  const parsed = eventContract[channel].safeParse(payload);
  if (!parsed.success) throw new Error(`${channel}: invalid event payload — ${describeIssues(parsed.error)}`);
  return parsed.data as EventPayload<C>;
}
