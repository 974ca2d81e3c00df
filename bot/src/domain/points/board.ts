import { rankTeams } from './points-rules.js';

/** One person on the board of a period: everyone who opted in (with a board id), with or without points. */
export interface BoardMember {
  personId: string;
  boardId: string;
  /** Department or location, whichever the board ranks teams by; null: none known. */
  team: string | null;
  points: number;
}

/** The ten shown: rank (ties share one), their board id and points; names are added by whoever shows them. */
export interface BoardPlace {
  personId: string;
  boardId: string;
  points: number;
  rank: number;
}

/**
 * A period's board, ranked once and read by many: the top ten, every member's own points and
 * rank (1 + how many have more points), and the teams that may be shown.
 */
export interface RankedBoard {
  top: BoardPlace[];
  teams: Array<{ name: string; members: number; points: number; rank: number }>;
  placeOf(personId: string): { points: number; rank: number } | null;
  readonly members: number;
}

export const TOP_PLACES = 10;

/**
 * Ranks the members of a board. The top holds people with points only, ordered by points and
 * then board id (random, so a tie does not favour a name); teams are ranked by `rankTeams`
 * (at least five opted-in members, sums over them only).
 */
export function rankBoard(members: readonly BoardMember[]): RankedBoard {
  const sorted = [...members].sort((a, b) => b.points - a.points || (a.boardId < b.boardId ? -1 : a.boardId > b.boardId ? 1 : 0));
  const places = new Map<string, { points: number; rank: number }>();
  let rank = 0;
  sorted.forEach((m, i) => {
    if (i === 0 || (sorted[i - 1] as BoardMember).points !== m.points) rank = i + 1;
    places.set(m.personId, { points: m.points, rank });
  });
  const top = sorted
    .slice(0, TOP_PLACES)
    .filter((m) => m.points > 0)
    .map((m) => ({ personId: m.personId, boardId: m.boardId, points: m.points, rank: (places.get(m.personId) as { rank: number }).rank }));
  const byTeam = new Map<string, { name: string; members: number; points: number }>();
  for (const m of members) {
    if (m.team === null) continue;
    const t = byTeam.get(m.team) ?? { name: m.team, members: 0, points: 0 };
    t.members += 1;
    t.points += m.points;
    byTeam.set(m.team, t);
  }
  return {
    top,
    teams: rankTeams([...byTeam.values()]),
    placeOf: (personId) => places.get(personId) ?? null,
    members: members.length,
  };
}
