// "Copy link": the address of this view (scenario, tab, sweep and phase settings, pinned A),
// copied to the clipboard; where the clipboard is not available, shown to copy by hand.
import { useState } from 'react';

export function CopyLink({ link }: { link: () => string }) {
  const [state, setState] = useState<{ ok: boolean; url: string } | null>(null);
  const copy = async () => {
    const url = `${location.href.split('#')[0]}${link()}`;
    let ok: boolean;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      ok = false;
    }
    setState({ ok, url });
  };
  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="copy-link-status">
        {state?.ok ? `Link copied (${state.url.length.toLocaleString('en-US')} characters).` : ''}
      </span>
      {state && !state.ok ? (
        <input
          className="copy-link-text"
          readOnly
          aria-label="Link to this view: copy it"
          value={state.url}
          onFocus={(e) => e.currentTarget.select()}
          autoFocus
        />
      ) : null}
    </div>
  );
}
