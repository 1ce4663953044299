import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qrSvgPath, qrViewBox } from './qr-path';

interface DrawnQr {
  payload: string;
  path: string;
  viewBox: string;
}

/**
 * The member card's QR as an SVG. The encoder (qrcode-generator) is fetched only when a card is
 * shown, so it never weighs on the first load.
 */
export function MemberCardQr({ payload }: { payload: string }) {
  const { t } = useTranslation();
  const [drawn, setDrawn] = useState<DrawnQr | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    import('qrcode-generator')
      .then(({ default: qrcode }) => {
        const qr = qrcode(0, 'M');
        qr.addData(payload, 'Byte');
        qr.make();
        const size = qr.getModuleCount();
        const path = qrSvgPath({ size, isDark: (row, column) => qr.isDark(row, column) });
        if (isCurrent) setDrawn({ payload, path, viewBox: qrViewBox(size) });
      })
      .catch(() => {
        if (isCurrent) setFailed(true);
      });
    return () => {
      isCurrent = false;
    };
  }, [payload]);

  if (failed) return <p className="error">{t('members.card.qrFailed')}</p>;
  if (drawn?.payload !== payload) return <p className="loading">{t('app.loading')}</p>;
  return (
    <svg
      className="member-qr"
      viewBox={drawn.viewBox}
      role="img"
      aria-label={t('members.card.qrLabel')}
      data-testid="member-card-qr"
      shapeRendering="crispEdges"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}
