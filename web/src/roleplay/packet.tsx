// The case packet as printable A4 pages: the general brief, the seat's own confidential brief and scoring sheet (the
// facilitator: both, and the teaching note), in the page's language, from the engine's packet (one source of numbers).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/lang.js';
import type { PacketSection, SeatPacket } from '../../../src/index.js';
import { errorText, rp, seatHref } from './api.js';
import type { Strings } from './strings.js';

const SIDES = ['us', 'rok'] as const;

function Sheet(props: { section: PacketSection; kind: string; title: string }) {
  const { section, kind, title } = props;
  return (
    <section className="packet-sheet" data-testid={`rp-packet-${kind}`} aria-labelledby={`rp-packet-${kind}-title`}>
      <p className="muted packet-running-head">{title}</p>
      <h2 id={`rp-packet-${kind}-title`}>{section.title}</h2>
      {section.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {section.tables
        .filter((t) => t.rows.length > 0)
        .map((t, i) => (
          <div className="table-wrap" key={i}>
            <table>
              <thead>
                <tr>
                  {t.header.map((h, k) => (
                    <th key={k}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r, j) => (
                  <tr key={j}>
                    {r.map((c, k) => (
                      <td key={k}>
                        {t.cells?.[k] === 'code' ? <code>{c}</code> : t.cells?.[k] === 'cite' ? <cite>{c}</cite> : c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

/** `#/roleplay?token=…&packet=1`: the packet the seat may read, one section per printed page. */
export function PacketPage({ token, s }: { token: string; s: Strings }) {
  const { lang } = useI18n();
  const [packet, setPacket] = useState<SeatPacket | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    rp<SeatPacket>(`/me/packet?lang=${lang}`, token)
      .then((p) => live && setPacket(p))
      .catch((e: unknown) => live && setError(errorText(e, lang)));
    return () => {
      live = false;
    };
  }, [token, lang]);
  useEffect(() => {
    document.body.classList.add('print-layout');
    return () => document.body.classList.remove('print-layout');
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!packet) return <p className="muted">…</p>;
  return (
    <article className="print-page packet" data-testid="rp-packet" lang={packet.lang}>
      <div className="toolbar no-print">
        <a className="button-link" href={seatHref(token)}>
          {s.backToSeat}
        </a>
        <button type="button" className="primary" onClick={() => window.print()}>
          {s.printPacket}
        </button>
      </div>
      <h1 data-testid="rp-packet-title">{packet.title}</h1>
      <p className="muted">{packet.role === 'facilitator' ? s.packetFacilitator : s.packetSeat}</p>
      <Sheet section={packet.general} kind="general" title={packet.title} />
      {SIDES.map((side) => {
        const c = packet.confidential[side];
        const sheet = packet.scoring[side];
        return (
          <div key={side}>
            {c && <Sheet section={c} kind={`confidential-${side}`} title={packet.title} />}
            {sheet && <Sheet section={sheet} kind={`scoring-${side}`} title={packet.title} />}
          </div>
        );
      })}
      {packet.teaching && <Sheet section={packet.teaching} kind="teaching" title={packet.title} />}
    </article>
  );
}
