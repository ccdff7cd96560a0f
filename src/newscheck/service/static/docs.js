// Starts Swagger UI on /openapi.json (a file, not inline: the CSP forbids inline script).
window.addEventListener("load", function () {
  if (window.SwaggerUIBundle) {
    window.ui = window.SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui"});
  }
});
