// The last line of defence for "never a blank page, never a stack trace": if a screen throws
// while rendering, the resident sees a short notice in all three scripts and the page starts
// over by itself a few seconds later (the device token is kept in local storage).
import { Component, type ReactNode } from 'react';
import { PAGE_LANGUAGES, textDirection } from '../../shared/i18n.js';
import { useAllKioskT } from '../useKioskT.js';

/** Long enough to read that something is happening, short enough that nobody walks away. */
const RESTART_MS = 5000;

function CrashNotice() {
  const t = useAllKioskT();
  return (
    <main className="screen screen-crash" data-screen="crash" role="alert">
      {PAGE_LANGUAGES.map((lng) => (
        <p key={lng} className="notice warn" lang={lng} dir={textDirection(lng)}>
          {t[lng]('Crash.restarting')}
        </p>
      ))}
    </main>
  );
}

export class CrashGuard extends Component<{ children: ReactNode }, { crashed: boolean }> {
  override state = { crashed: false };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('kiosk: a screen failed, restarting', error);
    this.timer = setTimeout(() => location.reload(), RESTART_MS);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    return this.state.crashed ? <CrashNotice /> : this.props.children;
  }
}
