import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { memo, useEffect, useRef } from 'react';
import { isWeapp } from '../../lib/platform';

/** What the visit page can ask of the pad: whether anything was drawn, clearing, and the drawing as a PNG. */
export interface SignatureHandle {
  drawn(): boolean;
  clear(): void;
  /** A local path (WeChat temp file) or data: URL (H5) of the PNG, for uploadImage. */
  exportPng(): Promise<string>;
}

interface Surface {
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  canvas: unknown;
}

function ink(ctx: CanvasRenderingContext2D) {
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#1f2329';
}

/**
 * The elder signs here with a finger (000 六·流程2 老人签字确认). WeChat: a 2d <Canvas> driven by its
 * touch events. H5: a plain <canvas> made here, driven by pointer events (finger or mouse): Taro's
 * H5 Canvas resets its bitmap whenever it re-renders, which would wipe a signature.
 */
export const SignaturePad = memo(function SignaturePad({ handle }: { handle: { current: SignatureHandle | null } }) {
  const surface = useRef<Surface | null>(null);
  const strokes = useRef(0);
  const last = useRef<{ x: number; y: number } | null>(null);

  const start = (x: number, y: number) => {
    last.current = { x, y };
    strokes.current++;
    const s = surface.current;
    if (!s) return;
    s.ctx.beginPath();
    s.ctx.arc(x, y, 1.5, 0, Math.PI * 2);
    s.ctx.fill();
  };
  const move = (x: number, y: number) => {
    const s = surface.current;
    if (!s || !last.current) return;
    s.ctx.beginPath();
    s.ctx.moveTo(last.current.x, last.current.y);
    s.ctx.lineTo(x, y);
    s.ctx.stroke();
    last.current = { x, y };
  };
  const end = () => (last.current = null);

  useEffect(() => {
    handle.current = {
      drawn: () => strokes.current > 0,
      clear() {
        strokes.current = 0;
        const s = surface.current;
        if (!s) return;
        s.ctx.fillStyle = '#ffffff';
        s.ctx.fillRect(0, 0, s.width, s.height);
        s.ctx.fillStyle = '#1f2329';
      },
      async exportPng() {
        const s = surface.current;
        if (!s) throw new Error('签名板还没有准备好');
        if (!isWeapp()) return (s.canvas as HTMLCanvasElement).toDataURL('image/png');
        const r = await Taro.canvasToTempFilePath({ canvas: s.canvas as never, fileType: 'png' } as never);
        return r.tempFilePath;
      },
    };
    if (isWeapp()) {
      Taro.createSelectorQuery()
        .select('#signature-canvas')
        .fields({ node: true, size: true })
        .exec((res: { node: HTMLCanvasElement; width: number; height: number }[]) => {
          const found = res?.[0];
          if (!found?.node) return;
          const ratio = Taro.getSystemInfoSync().pixelRatio;
          found.node.width = found.width * ratio;
          found.node.height = found.height * ratio;
          const ctx = found.node.getContext('2d')!;
          ctx.scale(ratio, ratio);
          surface.current = { ctx, width: found.width, height: found.height, canvas: found.node };
          ink(ctx);
          handle.current?.clear();
        });
      return;
    }
    const host = document.querySelector('#signature');
    if (!host) return;
    const canvas = document.createElement('canvas');
    canvas.id = 'signature-canvas';
    canvas.style.width = '100%';
    canvas.style.height = '100%';
    canvas.style.touchAction = 'none';
    host.appendChild(canvas);
    const box = canvas.getBoundingClientRect();
    canvas.width = Math.round(box.width);
    canvas.height = Math.round(box.height);
    const ctx = canvas.getContext('2d')!;
    surface.current = { ctx, width: canvas.width, height: canvas.height, canvas };
    ink(ctx);
    handle.current.clear();
    const at = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      return [
        ((e.clientX - r.left) * canvas.width) / r.width,
        ((e.clientY - r.top) * canvas.height) / r.height,
      ] as const;
    };
    const down = (e: PointerEvent) => {
      canvas.setPointerCapture?.(e.pointerId);
      start(...at(e));
    };
    const over = (e: PointerEvent) => move(...at(e));
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', over);
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    return () => {
      canvas.remove();
      surface.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  type Touch = { touches: { x: number; y: number }[] };
  const point = (e: unknown) => (e as Touch).touches?.[0];
  return (
    <View id="signature" className="signature-pad">
      {isWeapp() ? (
        <Canvas
          id="signature-canvas"
          type="2d"
          disableScroll
          style={{ width: '100%', height: '100%' }}
          onTouchStart={(e) => {
            const p = point(e);
            if (p) start(p.x, p.y);
          }}
          onTouchMove={(e) => {
            const p = point(e);
            if (p) move(p.x, p.y);
          }}
          onTouchEnd={end}
        />
      ) : null}
    </View>
  );
});
