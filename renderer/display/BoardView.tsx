// The board itself: latest call large, the last calls, waiting counts (WaitingList.tsx), the notice ticker.
// Only ticket codes and counters: nothing here identifies a resident.
import { memo } from 'react';
import { callKey, type BoardState } from './board.js';
import { Tri, TriText } from './Tri.js';
import { WaitingList } from './WaitingList.js';

export function BoardView({ board }: { board: BoardState }) {
  const [latest, ...earlier] = board.calls;
  return (
    <div className="board">
      <header className="board-head">
        <TriText text={board.hallName} className="hall-name" />
      </header>
      <main className="board-main">
        {/* The latest call and the last calls share the wide column; the waiting list has the other to itself. */}
        <div className="calls">
          <section className="latest" aria-live="polite">
            <Tri k="Board.nowCalling" className="section-title" />
            {latest ? (
              <div key={callKey(latest)} className="latest-call flash" data-testid="latest-call" data-code={latest.code}>
                <div className="latest-row">
                  <span className="latest-code" dir="ltr">
                    {latest.code}
                  </span>
                  <span className="latest-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="latest-counter-number" dir="ltr">
                    {latest.counterNumber}
                  </span>
                </div>
                <Tri k="Board.counter" vars={{ n: latest.counterNumber }} className="latest-counter-label" />
                {latest.recall ? <Tri k="Board.recall" className="recall-mark" /> : null}
              </div>
            ) : (
              <Tri k="Board.noCalls" className="no-calls" />
            )}
          </section>
          <section className="recent">
            <Tri k="Board.recentCalls" className="section-title" />
            <ol className="recent-list" data-testid="recent-calls">
              {earlier.map((c) => (
                <li key={callKey(c)} className="recent-item" data-code={c.code}>
                  <span className="recent-code" dir="ltr">
                    {c.code}
                  </span>
                  <span className="recent-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="recent-counter" dir="ltr">
                    {c.counterNumber}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div className="side">
          <WaitingList waiting={board.waiting} />
        </div>
      </main>
      <Ticker notice={board.notice} />
    </div>
  );
}

// The notice one language at a time, in place (CSS takes the turns): a scrolling line
// would show a right-to-left Uyghur notice end first.
const Ticker = memo(function Ticker({ notice }: { notice: BoardState['notice'] }) {
  const hasNotice = !!notice && (notice.zh || notice.bo || notice.ug);
  return (
    <footer className="ticker" data-testid="ticker">
      {hasNotice ? <TriText text={notice} className="ticker-text" /> : <Tri k="Board.defaultNotice" className="ticker-text" />}
    </footer>
  );
});
