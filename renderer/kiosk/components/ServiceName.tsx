// A service's name in the resident's language, with the Chinese name beneath it (staff and
// signs in the hall use the Chinese one). Written once for the priority and ticket screens.
import type { PageLanguage } from '../../shared/i18n.js';
import type { Names } from '../../shared/wire.js';

export function ServiceName({ names, lang, className }: { names: Names; lang: PageLanguage; className: string }) {
  return (
    <p className={className}>
      {names[lang]}
      {lang !== 'zh' && (
        <span className="service-name-zh" lang="zh">
          {names.zh}
        </span>
      )}
    </p>
  );
}
