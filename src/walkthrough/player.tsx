// A frame player for the classroom: play, pause, step and scrub through a sequence of frames, with
// every frame reachable by keyboard (buttons and a slider) and described in a polite live region.
// It knows nothing of what a frame is: a frames source gives the count and a description of each
// (the ladder's pass defendant by defendant in views.tsx; the weekly docket week by week in
// docketPlayer.tsx). Reduced motion: no autoplay and a slower pace; the frame changes without transitions.
import { useCallback, useEffect, useId, useImperativeHandle, useState, type Ref } from 'react';

export interface FramesSource {
  /** How many frames. */
  count: number;
  /** A plain sentence describing frame i (shown and announced). */
  describe(i: number): string;
  /** A short label for frame i (the slider's value text), e.g. "rank 3 of 100". */
  label(i: number): string;
}

export interface PlayerHandle {
  toggle(): void;
}

const prefersReducedMotion = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Frame index and play state; `start` is where it begins when the source changes. */
export function useFramePlayer(count: number, start: 'first' | 'last') {
  const [index, setIndex] = useState(() => (start === 'first' ? 0 : Math.max(0, count - 1)));
  const [playing, setPlaying] = useState(false);
  const [prevCount, setPrevCount] = useState(count);
  if (prevCount !== count) {
    setPrevCount(count);
    setIndex(start === 'first' ? 0 : Math.max(0, count - 1));
    setPlaying(false);
  }
  const at = Math.min(index, Math.max(0, count - 1));
  const reduced = prefersReducedMotion();
  // One frame every 0.7 s for a class to follow (2 s with reduced motion); long passes in bins.
  const delay = reduced ? 2000 : count > 60 ? 350 : 700;
  const isPlaying = playing && at < count - 1;
  useEffect(() => {
    if (!isPlaying) return;
    const t = setTimeout(() => setIndex(at + 1), delay);
    return () => clearTimeout(t);
  }, [isPlaying, at, delay]);
  // Stepping by hand pauses.
  const go = useCallback(
    (i: number) => {
      setPlaying(false);
      setIndex(Math.max(0, Math.min(count - 1, i)));
    },
    [count],
  );
  const toggle = useCallback(() => {
    if (isPlaying) {
      setPlaying(false);
      return;
    }
    if (at >= count - 1) setIndex(0); // play again from the start
    setPlaying(true);
  }, [isPlaying, at, count]);
  return { index: at, playing: isPlaying, go, toggle };
}

export type FramePlayer = ReturnType<typeof useFramePlayer>;

export function PlayerControls({
  player,
  source,
  label,
  handle,
}: {
  player: FramePlayer;
  source: FramesSource;
  /** What is played, e.g. "The prosecutor's pass". */
  label: string;
  handle?: Ref<PlayerHandle>;
}) {
  const uid = useId();
  const { index, playing, go, toggle } = player;
  const last = source.count - 1;
  useImperativeHandle(handle, () => ({ toggle }), [toggle]);
  const text = source.count > 0 ? source.describe(index) : '';
  if (source.count === 0) return null;
  return (
    <div className="player" role="group" aria-label={label} data-frame={index}>
      <div className="player-buttons">
        <button type="button" className="player-btn" onClick={() => go(0)} disabled={index === 0} aria-label="First frame">
          <span aria-hidden="true">|◀</span>
        </button>
        <button type="button" className="player-btn" onClick={() => go(index - 1)} disabled={index === 0} aria-label="Step back">
          <span aria-hidden="true">◀</span>
        </button>
        <button
          type="button"
          className="player-btn player-play"
          onClick={toggle}
          aria-pressed={playing}
          aria-label={playing ? 'Pause' : 'Play'}
          data-playing={playing ? 'true' : 'false'}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          <span className="player-play-text">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button type="button" className="player-btn" onClick={() => go(index + 1)} disabled={index >= last} aria-label="Step forward">
          <span aria-hidden="true">▶</span>
        </button>
        <button type="button" className="player-btn" onClick={() => go(last)} disabled={index >= last} aria-label="Last frame">
          <span aria-hidden="true">▶|</span>
        </button>
        <label htmlFor={`${uid}-r`} className="visually-hidden">
          Frame
        </label>
        <input
          id={`${uid}-r`}
          className="player-range"
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          aria-valuetext={source.label(index)}
          onChange={(e) => go(Number(e.currentTarget.value))}
          onKeyDown={(e) => {
            // Space plays and pauses from the slider too (arrows, Home and End move it).
            if (e.key === ' ' && !e.altKey && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              e.stopPropagation();
              toggle();
            }
          }}
        />
        <span className="player-pos" aria-hidden="true">
          {source.label(index)}
        </span>
      </div>
      <p className="player-text" data-testid="frame-text">
        {text}
      </p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {text}
      </div>
    </div>
  );
}
