// The board itself: latest call large, the last calls, waiting counts, the notice ticker.
// Only ticket codes and counters: nothing here identifies a resident.
import { memo } from 'react';
import { callKey, type BoardState } from './board.js';
import { Tri, TriText } from './Tri.js';

export function BoardView({ board }: { board: BoardState }) {
  const [latest, ...earlier] = board.calls;
  return (
    <div className="board">
      <header className="board-head">
        <TriText text={board.hallName} className="hall-name" />
      </header>
      <main className="board-main">
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
        <div className="side">
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
        <section className="waiting">
          <Tri k="Board.waiting" className="section-title" />
          <ul className="waiting-list" data-testid="waiting">
            {board.waiting.map((w) => (
              <li key={w.serviceId} className="waiting-item" data-service={w.serviceId} data-waiting={w.waiting}>
                <span className="waiting-prefix" dir="ltr">
                  {w.prefix}
                </span>
                <TriText text={w.names} className="waiting-names" />
                <span className="waiting-count" dir="ltr">
                  {w.waiting}
                </span>
              </li>
            ))}
          </ul>
        </section>
        </div>
      </main>
      <Ticker notice={board.notice} />
    </div>
  );
}

const Ticker = memo(function Ticker({ notice }: { notice: BoardState['notice'] }) {
  const hasNotice = !!notice && (notice.zh || notice.bo || notice.ug);
  // Rendered twice so the loop scrolls seamlessly (the CSS moves it by exactly one copy).
  const copy = (hidden: boolean) => (
    <span className="ticker-copy" aria-hidden={hidden}>
      {hasNotice ? <TriText text={notice} /> : <Tri k="Board.defaultNotice" />}
    </span>
  );
  return (
    <footer className="ticker" data-testid="ticker">
      <div className="ticker-track">
        {copy(false)}
        {copy(true)}
      </div>
    </footer>
  );
});
