/** The launcher's look, adopted into its shadow root as a constructed sheet (no <style>, CSP-safe). */
export const LAUNCHER_CSS =
  ":host{all:initial;position:fixed;right:12px;bottom:12px;z-index:2147483000;color:#1a1a1a;font:18px/1.45 system-ui,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif}" +
  ':host([hidden]){display:none}*{box-sizing:border-box}.size-150{font-size:27px}.size-200{font-size:36px}' +
  'button,select{font:inherit;font-weight:600;min-height:44px;min-width:44px;padding:8px 16px;border-radius:8px;border:2px solid #0b4f9c;background:#fff;color:#0b3d75;cursor:pointer}' +
  '.launcher{background:#0b4f9c;color:#fff;box-shadow:0 4px 16px #0006}' +
  ':focus-visible{outline:3px solid #b45309;outline-offset:2px}' +
  '.panel{position:absolute;right:0;bottom:calc(100% + 8px);width:min(380px,calc(100vw - 24px));max-height:calc(100vh - 88px);overflow:auto;background:#fff;border:2px solid #0b4f9c;border-radius:10px;padding:16px;box-shadow:0 6px 28px #0006}' +
  'h2{font-size:1.1em;color:#0b3d75;margin:0 0 8px}p{margin:0 0 12px}ul{list-style:none;margin:0 0 16px;padding:0;display:grid;gap:8px}.tour{width:100%;text-align:left}' +
  'fieldset{border:0;padding:0;margin:0 0 12px}legend{font-weight:700;padding:0}label{display:flex;align-items:center;gap:10px;min-height:44px;cursor:pointer}' +
  'input{width:24px;height:24px;margin:0;flex:none}select{width:100%}.row{display:flex;flex-wrap:wrap;gap:8px}' +
  '.high .panel,.high button,.high select{background:#000;color:#fff;border-color:#fff}.high h2{color:#fff}.high .launcher{background:#fff;color:#000}';
