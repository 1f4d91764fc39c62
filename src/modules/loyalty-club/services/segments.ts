/** The room of saved segments, their counts, members and exports (SQL from segment-sql.ts). */
export class SegmentsRoom {}
