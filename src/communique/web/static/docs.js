// Starts the vendored Swagger UI (/docs) or ReDoc (/redoc) on this server's
// OpenAPI schema. A file rather than an inline script: the pages' Content-
// Security-Policy allows scripts from this server only.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const swagger = document.getElementById("swagger-ui");
  if (swagger && window.SwaggerUIBundle) {
    window.SwaggerUIBundle({
      url: swagger.dataset.schema,
      dom_id: "#swagger-ui",
      deepLinking: true,
      // No validator badge: it would send the schema to validator.swagger.io.
      validatorUrl: null,
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
    });
  }
  const redoc = document.getElementById("redoc");
  if (redoc && window.Redoc) {
    // No search: its index runs in a worker made from a blob: URL, which the CSP refuses.
    window.Redoc.init(redoc.dataset.schema, { disableSearch: true }, redoc);
  }
});
