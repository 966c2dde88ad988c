// Material for MkDocs' inline script after the content, as a file so the
// Content-Security-Policy can refuse inline scripts: opens the tab a link points to.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
