// Starts Redoc on /api/redoc/ with the schema's address and this page's CSP nonce, both
// read from this script's own tag: Redoc gives the nonce to the <style> elements it writes.
"use strict";
(function () {
  const script = document.currentScript;
  Redoc.init(
    script.dataset.schemaUrl,
    { nonce: script.nonce },
    document.getElementById("redoc-container"),
  );
})();
