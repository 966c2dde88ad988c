/* Danish stemming for Material's search.
 *
 * The index is built with lunr's Danish pipeline (mkdocs.yml: search.pipeline), so "tavle"
 * and "tavlen" are both indexed as "tavl". Material's search worker adds a wildcard to every
 * term for type-ahead ("tavlen*"), and lunr never stems a wildcard term, so a whole word
 * would not find its other forms. Each plain word is therefore also sent with a boost
 * ("tavlen^1"), which the worker leaves without a wildcard and lunr stems like the index.
 * The site reads without this script; only the search box uses it.
 */
(function () {
  "use strict";
  var QUERY = 2; /* Material's message type for a search query */
  var PLAIN_WORD = /^[^\s"+\-*~^:]+$/;
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var terms = message.data.trim().split(/\s+/);
      if (terms.length && terms.every(function (term) { return PLAIN_WORD.test(term); })) {
        var stemmed = terms.map(function (term) { return term + "^1 " + term; });
        message = { type: QUERY, data: stemmed.join(" ") };
      }
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();
