/* "Læs op": reads the page's main text aloud with the browser's own Danish voice.
   Nothing is sent anywhere: speech synthesis runs in the browser. The button stays hidden
   unless the browser has a voice whose language starts with "da". */
(function () {
  "use strict";

  var START = "Læs op";
  var STOP = "Stop oplæsning";
  var SKIP = "button, svg, script, style, .headerlink, [aria-hidden='true'], [hidden]";
  var BLOCK = "h1, h2, h3, h4, h5, h6, p, li, th, td, dt, dd, figcaption, caption, blockquote, pre";

  function danishVoice() {
    if (!("speechSynthesis" in window)) {
      return null;
    }
    var voices = window.speechSynthesis.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || "").toLowerCase().indexOf("da") === 0) {
        return voices[i];
      }
    }
    return null;
  }

  /* The main text in reading order, one piece a block (heading, paragraph, list item, cell). */
  function pieces(article) {
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest(SKIP) || !node.nodeValue.trim()) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var result = [];
    var block = null;
    var node;
    while ((node = walker.nextNode())) {
      var owner = node.parentElement.closest(BLOCK) || node.parentElement;
      var text = node.nodeValue.replace(/\s+/g, " ");
      if (owner === block && result.length) {
        result[result.length - 1] += text;
      } else {
        result.push(text);
        block = owner;
      }
    }
    return result.map(function (piece) { return piece.trim(); }).filter(Boolean);
  }

  function setReading(button, reading) {
    button.textContent = reading ? STOP : START;
    button.classList.toggle("laes-op--reading", reading);
  }

  function read(button, article) {
    var voice = danishVoice();
    var texts = pieces(article);
    if (!voice || !texts.length) {
      return;
    }
    window.speechSynthesis.cancel();
    setReading(button, true);
    texts.forEach(function (text, index) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      if (index === texts.length - 1) {
        utterance.onend = function () { setReading(button, false); };
      }
      utterance.onerror = function () { setReading(button, false); };
      window.speechSynthesis.speak(utterance);
    });
  }

  function stop(button) {
    window.speechSynthesis.cancel();
    setReading(button, false);
  }

  function setUp() {
    var button = document.querySelector("button.laes-op");
    var article = document.querySelector("article.md-content__inner") ||
      document.querySelector("main");
    if (!button || !article || !("speechSynthesis" in window)) {
      return;
    }
    function offerIfDanish() {
      button.hidden = !danishVoice();
    }
    offerIfDanish();
    window.speechSynthesis.addEventListener("voiceschanged", offerIfDanish);
    button.addEventListener("click", function () {
      if (button.classList.contains("laes-op--reading")) {
        stop(button);
      } else {
        read(button, article);
      }
    });
    window.addEventListener("pagehide", function () { window.speechSynthesis.cancel(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
