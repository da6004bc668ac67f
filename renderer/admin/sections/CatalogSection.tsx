// Services and counters, read-only for now (editing arrives with its own issue). Names are
// shown in all three scripts so an admin can check every translation at a glance.
import { useTranslation } from 'react-i18next';
import type { Lang, ServiceInfo } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { useResource } from '../useResource.js';

const SCRIPTS: Lang[] = ['zh', 'bo', 'ug'];

function Names({ names }: { names: Record<Lang, string> }) {
  return (
    <>
      {SCRIPTS.map((l) => (
        <td key={l} lang={l} dir={l === 'ug' ? 'rtl' : 'ltr'}>
          {names[l]}
        </td>
      ))}
    </>
  );
}

export function CatalogSection() {
  const { t } = useTranslation('admin');
  const { api, lang } = useAdmin();
  const services = useResource(() => api.services(), [api]);
  const counters = useResource(() => api.counters(), [api]);
  const byId = new Map<string, ServiceInfo>((services.data ?? []).map((s) => [s.id, s]));

  return (
    <section aria-labelledby="catalog-title">
      <h2 id="catalog-title">{t('Catalog.title')}</h2>
      <p className="hint">{t('Catalog.readOnly')}</p>
      <ErrorText error={services.error ?? counters.error} />
      <h3>{t('Catalog.services')}</h3>
      {services.data && (
        <table data-testid="services-table">
          <thead>
            <tr>
              <th scope="col">{t('Catalog.prefix')}</th>
              <th scope="col">{t('Catalog.nameZh')}</th>
              <th scope="col">{t('Catalog.nameBo')}</th>
              <th scope="col">{t('Catalog.nameUg')}</th>
              <th scope="col">{t('Catalog.hours')}</th>
              <th scope="col">{t('Catalog.status')}</th>
              <th scope="col">{t('Catalog.waiting')}</th>
            </tr>
          </thead>
          <tbody>
            {services.data.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'muted'}>
                <td className="code">{s.prefix}</td>
                <Names names={s.names} />
                <td dir="ltr" className="nowrap">
                  {s.openFrom}–{s.openTo}
                </td>
                <td>{!s.active ? t('Catalog.inactive') : s.open ? t('Catalog.openNow') : t('Catalog.closedNow')}</td>
                <td>{s.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('Catalog.counters')}</h3>
      {counters.data && (
        <table data-testid="counters-table">
          <thead>
            <tr>
              <th scope="col">{t('Catalog.counterNumber')}</th>
              <th scope="col">{t('Catalog.nameZh')}</th>
              <th scope="col">{t('Catalog.nameBo')}</th>
              <th scope="col">{t('Catalog.nameUg')}</th>
              <th scope="col">{t('Catalog.servesServices')}</th>
              <th scope="col">{t('Catalog.counterState')}</th>
            </tr>
          </thead>
          <tbody>
            {[...counters.data]
              .sort((a, b) => a.number - b.number)
              .map((c) => (
                <tr key={c.id}>
                  <td className="code">{c.number}</td>
                  <Names names={c.names} />
                  <td>
                    <ul className="plain">
                      {c.services.map((cs) => {
                        const s = byId.get(cs.serviceId);
                        return (
                          <li key={cs.serviceId}>
                            {s ? `${s.prefix} ${s.names[lang]}` : cs.serviceId} · {t('Catalog.weight', { weight: cs.weight })}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                  <td>{t(`Catalog.state_${c.state}`)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
