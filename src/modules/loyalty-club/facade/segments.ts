import { ScoresFacade } from "./scores"

/** The facade's segments part: saved segments, counts, members (services/segments.ts). */
export class SegmentsFacade extends ScoresFacade {}
