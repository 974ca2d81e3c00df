import { Body1, Caption1, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { TrophyRegular } from '@fluentui/react-icons';
import type { Leaderboard } from '@contract';
import { EmptyState } from '../../components/empty-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCan } from '../../session.js';
import { SayThanks } from './say-thanks.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  mine: { fontWeight: tokens.fontWeightSemibold },
  name: { overflowWrap: 'anywhere' },
  number: { textAlign: 'end' },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The top 10 and my rank (only when I opted in); teams of at least five opted-in members (never how many). */
export function BoardView({ board }: { board: Leaderboard }) {
  const styles = useStyles();
  const { t, number } = useI18n();
  const mayThank = useCan()('thanks.send');
  if (!board.programOn) return <EmptyState icon={<TrophyRegular />} title={t.programOffTitle} body={t.programOffBody} />;
  return (
    <div className={styles.root}>
      <Body1 as="p" block className={styles.mine}>
        {board.me.optedIn && board.me.rank !== null ? t.myRank(board.me.rank, board.me.points ?? 0) : t.notOnBoard}
      </Body1>
      <section aria-labelledby="board-top" className={styles.root}>
        <Subtitle2 as="h2" id="board-top" block className={styles.heading}>
          {t.boardTop}
        </Subtitle2>
        {board.top.length === 0 ? (
          <EmptyState icon={<TrophyRegular />} title={t.boardEmptyTitle} body={t.boardEmptyBody} />
        ) : (
          <Table size="small" aria-labelledby="board-top">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.rankColumn}</TableHeaderCell>
                <TableHeaderCell>{t.nameColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t.pointsColumn}</TableHeaderCell>
                {mayThank ? <TableHeaderCell>{t.thanksHeading}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {board.top.map((e) => (
                <TableRow key={e.boardId} data-board-id={e.boardId} className={e.me ? styles.mine : undefined}>
                  <TableCell>{e.rank}</TableCell>
                  <TableCell className={styles.name}>
                    {e.name} {e.me ? t.youMark : null}
                  </TableCell>
                  <TableCell className={styles.number}>{number(e.points)}</TableCell>
                  {mayThank ? <TableCell>{e.me ? null : <SayThanks boardId={e.boardId} name={e.name} />}</TableCell> : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="board-teams" className={styles.root}>
        <Subtitle2 as="h2" id="board-teams" block className={styles.heading}>
          {t.boardTeams}
        </Subtitle2>
        <Caption1 className={styles.note}>{t.teamsRule(board.teams.minMembers)}</Caption1>
        {board.teams.items.length === 0 ? (
          <Body1 as="p" block>
            {t.teamsEmpty}
          </Body1>
        ) : (
          <Table size="small" aria-labelledby="board-teams">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.rankColumn}</TableHeaderCell>
                <TableHeaderCell>{t.nameColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t.pointsColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {board.teams.items.map((team) => (
                <TableRow key={team.name}>
                  <TableCell>{team.rank}</TableCell>
                  <TableCell className={styles.name}>{team.name}</TableCell>
                  <TableCell className={styles.number}>{number(team.points)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
