// Default styles, scoped under `.lc` classes and driven by CSS variables a
// shop overrides (`--lc-accent`, `--lc-radius`, ...) or replaces altogether
// by not rendering <LoyaltyStyles />. Logical properties keep them right
// for right-to-left pages.
export const loyaltyClubCss = `
.lc{--lc-accent:#0f766e;--lc-accent-text:#fff;--lc-muted:#6b7280;--lc-border:#e5e7eb;--lc-bg:#fff;--lc-soft:#f0fdfa;--lc-warn:#92400e;--lc-warn-bg:#fffbeb;--lc-radius:12px;--lc-gap:12px;font:inherit;color:inherit;box-sizing:border-box}
.lc *{box-sizing:border-box}
.lc-card{background:var(--lc-bg);border:1px solid var(--lc-border);border-radius:var(--lc-radius);padding:16px;display:flex;flex-direction:column;gap:var(--lc-gap)}
.lc-title{font-weight:600;font-size:1rem;margin:0}
.lc-muted{color:var(--lc-muted);font-size:.875rem}
.lc-figure{font-size:1.5rem;font-weight:700}
.lc-row{display:flex;justify-content:space-between;align-items:center;gap:8px;flex-wrap:wrap}
.lc-badge{display:inline-flex;align-items:center;gap:6px;background:var(--lc-soft);color:var(--lc-accent);border-radius:999px;padding:4px 10px;font-size:.8125rem;font-weight:600}
.lc-badge-block{display:flex;flex-direction:column;align-items:flex-start;border-radius:10px;gap:2px;padding:6px 10px}
.lc-release{font-weight:400;font-size:.75rem}
.lc-note{border-radius:8px;padding:8px 12px;font-size:.875rem;background:var(--lc-soft)}
.lc-note[data-tone=warning]{background:var(--lc-warn-bg);color:var(--lc-warn)}
.lc-bar{height:10px;border-radius:999px;background:var(--lc-border);overflow:hidden}
.lc-bar>span{display:block;height:100%;background:var(--lc-accent);border-radius:999px}
.lc-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column}
.lc-list>li{padding:10px 0;border-bottom:1px solid var(--lc-border);display:flex;justify-content:space-between;gap:8px}
.lc-list>li:last-child{border-bottom:0}
.lc-switch{display:flex;align-items:center;gap:10px;min-height:44px;cursor:pointer}
.lc-switch input{width:22px;height:22px;accent-color:var(--lc-accent)}
.lc-button{min-height:44px;padding:0 16px;border-radius:8px;border:0;background:var(--lc-accent);color:var(--lc-accent-text);font:inherit;font-weight:600;cursor:pointer}
.lc-button:disabled{opacity:.6;cursor:default}
.lc-input{min-height:44px;padding:0 12px;border:1px solid var(--lc-border);border-radius:8px;font:inherit;width:100%}
.lc-plus{color:#047857}.lc-minus{color:#b91c1c}
.lc-code{font-family:ui-monospace,monospace;font-weight:700;letter-spacing:.08em}
`
