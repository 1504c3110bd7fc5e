/**
 * The launcher's styles, adopted into its shadow root. The host element resets with
 * !important because across a shadow boundary the inner !important beats anything the host page says.
 */
export const LOADER_CSS = `
:host{all:initial!important;display:contents!important}
:host([data-hearth-portal]){display:block!important}
.float,.inline{--accent:#2f6f62;font:16px/1.4 system-ui,sans-serif;color:#1d2b28}
.float{position:fixed;z-index:2147483000;bottom:20px;right:20px}
.left{right:auto;left:20px}
.launcher{display:flex;align-items:center;gap:10px;min-height:52px;padding:0 22px 0 18px;border:0;border-radius:99px;
background:var(--accent);color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 6px 20px #1d2b2840}
.launcher:hover{opacity:.9}
.launcher:focus-visible{outline:3px solid #1d2b28;outline-offset:3px}
svg{width:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}
.panel{position:absolute;bottom:68px;right:0;width:400px;max-width:calc(100vw - 40px);display:none;
border-radius:18px;overflow:hidden;box-shadow:0 24px 60px #1d2b2848;background:#fbfaf7}
.left .panel{right:auto;left:0}
.open .panel{display:block}
iframe{display:block;width:100%;height:440px;border:0}
.panel iframe{max-height:calc(100vh - 120px)}
@media (max-width:640px){.open .panel{position:fixed;inset:0;width:auto;max-width:none;border-radius:0}
.open .panel iframe{height:100%!important;max-height:none}.open .launcher{display:none}}
`
