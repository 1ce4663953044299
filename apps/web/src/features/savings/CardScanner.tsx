import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The Shape Detection API's BarcodeDetector (Chrome on Android); not in TypeScript's DOM lib. */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect: (source: HTMLVideoElement) => Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorInstance;

function barcodeDetector(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor })
    .BarcodeDetector;
  return typeof candidate === 'function' ? candidate : null;
}

/** Whether this browser can scan a QR with the camera (feature-detected, never assumed). */
export function canScanWithCamera(): boolean {
  return barcodeDetector() !== null && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * The camera, looking for a QR code until it finds one: `onScan` gets its text once, and the
 * camera is released. Without camera permission it says so; the typed field still works.
 */
export function CardScanner({
  onScan,
  onClose,
}: {
  onScan: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) {
      setFailed(true);
      return;
    }
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isDone = false;
    const detector = new Detector({ formats: ['qr_code'] });

    const look = async () => {
      const video = videoRef.current;
      if (isDone || !video) return;
      try {
        if (video.readyState >= 2) {
          const codes = await detector.detect(video);
          const found = codes.find((code) => code.rawValue !== '');
          if (found && !isDone) {
            isDone = true;
            onScanRef.current(found.rawValue);
            return;
          }
        }
      } catch {
        // A frame that could not be read: try the next one.
      }
      timer = setTimeout(() => void look(), 250);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (isDone || !videoRef.current) return;
        videoRef.current.srcObject = media;
        await videoRef.current.play();
        void look();
      })
      .catch(() => {
        setFailed(true);
      });

    return () => {
      isDone = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => {
        track.stop();
      });
    };
  }, []);

  return (
    <div className="scanner" data-testid="card-scanner">
      {failed ? (
        <p className="error">{t('savings.teller.cameraFailed')}</p>
      ) : (
        <video ref={videoRef} className="scanner-video" muted playsInline />
      )}
      <button type="button" className="button small" onClick={onClose}>
        {t('savings.teller.stopScan')}
      </button>
    </div>
  );
}
