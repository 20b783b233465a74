// A toolbar that keeps its buttons in a shadow root, as web components do.
customElements.define("project-toolbar", class extends HTMLElement {
  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: "open" }).innerHTML = '<button class="export" type="button">Export</button>';
  }
});
// A tiny single-page app: /spa/projects and /spa/new, routed with history.pushState.
function render() {
  var app = document.getElementById("app");
  if (location.pathname === "/spa/new") {
    app.innerHTML = '<h1>New project</h1><label>Name <input id="name"></label> <button id="back" type="button">Back</button>';
    document.getElementById("back").onclick = function () { history.back(); };
  } else {
    app.innerHTML = '<h1>Projects</h1><project-toolbar></project-toolbar><ul id="projects"><li>Alpha</li><li>Beta</li></ul>' +
      '<button type="button" data-testid="share">Share</button> <button type="button" aria-label="Settings">⚙</button> <button type="button" id=\'say"hi\'>Say hi</button> ' +
      '<button id="new" type="button">New project</button> <button id="delete" type="button">Delete</button>';
    document.getElementById("new").onclick = function () { history.pushState({}, "", "/spa/new"); render(); };
  }
}
window.addEventListener("popstate", render);
history.replaceState({}, "", "/spa/projects" + location.search);
render();
