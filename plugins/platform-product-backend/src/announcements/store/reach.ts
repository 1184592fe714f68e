import { Knex } from 'knex';
import { ReachCounts } from '../AnnouncementStore';

/**
 * How far a post reached: its audience (recorded at delivery), who read and acknowledged it,
 * by user and by team, and who still has to acknowledge.
 */
export async function reachOf(db: Knex, id: string): Promise<ReachCounts> {
  const audience = () =>
    db('announcement_deliveries as d').where('d.announcement_id', id);
  const readers = () =>
    db('announcement_reads as r').where('r.announcement_id', id);
  const teamsWhere = (acknowledged: boolean) => {
    const query = audience()
      .join('announcement_reads as r', join =>
        join
          .on('r.announcement_id', '=', 'd.announcement_id')
          .andOn('r.user_ref', '=', 'd.user_ref'),
      )
      .countDistinct('d.team_ref');
    return acknowledged ? query.whereNotNull('r.acknowledged_at') : query;
  };
  const [[counts], pending] = await Promise.all([
    db.select({
      audienceUsers: audience().count('*'),
      readUsers: readers().count('*'),
      acknowledgedUsers: readers().whereNotNull('r.acknowledged_at').count('*'),
      audienceTeams: audience().countDistinct('d.team_ref'),
      reachedTeams: teamsWhere(false),
      acknowledgedTeams: teamsWhere(true),
    }),
    audience()
      .leftJoin('announcement_reads as r', join =>
        join
          .on('r.announcement_id', '=', 'd.announcement_id')
          .andOn('r.user_ref', '=', 'd.user_ref'),
      )
      .whereNull('r.acknowledged_at')
      .select('d.team_ref', 'd.user_ref')
      .orderBy([
        { column: 'd.team_ref', order: 'asc' },
        { column: 'd.user_ref', order: 'asc' },
      ]) as Promise<Array<{ team_ref: string | null; user_ref: string }>>,
  ]);
  const byTeam = new Map<string | null, string[]>();
  for (const row of pending) {
    const users = byTeam.get(row.team_ref) ?? [];
    users.push(row.user_ref);
    byTeam.set(row.team_ref, users);
  }
  return {
    audienceUsers: Number(counts.audienceUsers),
    readUsers: Number(counts.readUsers),
    acknowledgedUsers: Number(counts.acknowledgedUsers),
    audienceTeams: Number(counts.audienceTeams),
    reachedTeams: Number(counts.reachedTeams),
    acknowledgedTeams: Number(counts.acknowledgedTeams),
    // teams first by name, followers outside the teams last
    pendingAcknowledgement: [...byTeam.entries()]
      .sort(
        ([a], [b]) =>
          Number(a === null) - Number(b === null) ||
          (a ?? '').localeCompare(b ?? ''),
      )
      .map(([team, users]) => ({ team, users })),
  };
}
