/** Text of the progress line and the final summary (pure; numbers in, lines out). */
import type { MalformedLine } from '../lastfm/lastfm-play.js';
import type { PlayLogStats } from '../lastfm/play-log.js';
import { fmt, pct } from './demo-output.js';
import type { PipelineRates, PipelineSample } from './pipeline-monitor.js';

export function progressLine(o: {
  sample: PipelineSample;
  rates: PipelineRates;
  total: number;
  elapsedMs: number;
}): string {
  const { sample: s, rates: r } = o;
  return [
    `produced ${fmt(s.produced)}/${fmt(o.total)} (${fmt(r.producedPerS)}/s)`,
    `applied ${fmt(s.applied)} (${fmt(r.appliedPerS)}/s)`,
    `lag ${fmt(r.lag)}`,
    `dead letters ${fmt(s.deadLetters)}`,
    `${(o.elapsedMs / 1000).toFixed(0)}s`,
  ].join('  ');
}

export interface DemoSummary {
  readonly data: string;
  readonly catalog: { readonly tracks: number; readonly source: string; readonly imported: boolean };
  readonly stats: Readonly<PlayLogStats>;
  readonly malformedSamples: readonly MalformedLine[];
  readonly duplicates: number;
  readonly users: { readonly streamed: number; readonly withSignUpDate: number };
  readonly streamed: { readonly plays: number; readonly events: number; readonly repeats: number };
  readonly applied: number;
  readonly byFeedback: ReadonlyMap<string, number>;
  readonly deadLetters: number;
  readonly streamMs: number;
  /** The --rate the stream was paced at (0 = unpaced), so events/s is read correctly. */
  readonly rate: number;
  readonly totalMs: number;
}

export function formatSummary(s: DemoSummary): string[] {
  const st = s.stats;
  const feedback = [...s.byFeedback].map(([type, n]) => `${type} ${fmt(n)}`).join(' · ') || '–';
  const eventsPerS = s.streamMs > 0 ? (1000 * s.applied) / s.streamMs : 0;
  return [
    'demo summary',
    `  data           ${s.data}`,
    `  catalog        ${fmt(s.catalog.tracks)} ${s.catalog.source} tracks (${s.catalog.imported ? 'imported this run' : 'import skipped: already in the schema'})`,
    `  plays read     ${fmt(st.plays + st.malformed)} lines: ${fmt(st.plays)} plays, ${fmt(st.malformed)} malformed`,
    ...s.malformedSamples.map((m) => `                   line ${m.lineNumber}: ${m.reason}`),
    `  matched        artist+title ${fmt(st.matchedByTitle)} (${pct(st.matchedByTitle, st.plays)})` +
      ` · artist only, stand-in track ${fmt(st.matchedByArtist)} (${pct(st.matchedByArtist, st.plays)})` +
      ` · unmatched ${fmt(st.unmatched)} (${pct(st.unmatched, st.plays)})`,
    `  streamed       ${fmt(s.streamed.plays)} plays of ${fmt(s.users.streamed)} users → ${fmt(s.streamed.events)} events` +
      ` (${fmt(s.streamed.plays)} listening + ${fmt(s.streamed.repeats)} repeat feedback); duplicate scrobbles skipped ${fmt(s.duplicates)}`,
    `  applied        ${fmt(s.applied)} interactions: ${feedback}`,
    `  dead letters   ${fmt(s.deadLetters)}`,
    `  users          ${fmt(s.users.streamed)} created before streaming: sign-up date from the profile for ${fmt(s.users.withSignUpDate)}, ` +
      `first play for ${fmt(s.users.streamed - s.users.withSignUpDate)}`,
    `  elapsed        streaming ${(s.streamMs / 1000).toFixed(1)} s, ${fmt(eventsPerS)} events/s applied` +
      `${s.rate > 0 ? ` (paced at ${fmt(s.rate)}/s)` : ' (unpaced)'} · total ${(s.totalMs / 1000).toFixed(1)} s`,
  ];
}
