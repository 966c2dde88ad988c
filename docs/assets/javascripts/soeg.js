/* The search page (/soeg/): queries the Pagefind index built beside the site.
 *
 * Pagefind's index is static and chunked: a query fetches only the fragments its words
 * need, and Danish words are stemmed (the index is built from <html lang="da">), so
 * "tavlen" finds "tavle". Results say what each idea is (title, theme, status, year); the
 * filters narrow by theme, status and year. The query and filters live in the address
 * (?q=…&tema=…), so the header's search form, the back button and shared links work.
 * Nothing from the index is written as HTML: excerpts are rebuilt from text and <mark>.
 * Ideas come first: each query is ranked once, over every page, and the pages that are not
 * ideas (those without the filter side=idé, asked once a visit by filter alone, which costs
 * a few milliseconds) follow the ideas, each part in its own order. Ranking is the costly
 * step: a word in every idea ranks every page, so it is never done twice. Within each part,
 * a page's title counts no more than its text (metaWeights): ideas are ranked by what they
 * say, the idea's own text weighing the most Pagefind allows (data-pagefind-weight).
 */
(function () {
  "use strict";

  var page = document.getElementById("search");
  var script = document.currentScript;
  if (!page || !script) {
    return;
  }
  var siteRoot = new URL("../../", script.src);
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var filterBox = document.getElementById("search-filters");
  var statusLine = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var moreRow = document.getElementById("search-more-row");
  var moreButton = document.getElementById("search-more");
  var FILTERS = [
    ["tema", "Tema"],
    ["status", "Status"],
    ["år", "År (indsendt)"],
  ];
  var PAGE_SIZE = 20;
  var IDEA_PAGE = "idé";  /* the value of the filter "side" on every idea page */
  var pagefind = null;
  var others = null;  /* a promise of the ids of the pages that are not ideas */
  var selects = {};
  var found = [];
  var shown = 0;
  var latest = 0;
  var typing = null;

  function say(text) {
    statusLine.textContent = text;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /* Pagefind's excerpt marks the matched words with <mark>; keep those, and text only. */
  function excerptNode(excerpt) {
    var paragraph = element("p", "search-page__excerpt");
    var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html");
    parsed.body.firstChild.childNodes.forEach(function (node) {
      var text = node.textContent || "";
      if (node.nodeName === "MARK") {
        paragraph.appendChild(element("mark", "", text));
      } else {
        paragraph.appendChild(document.createTextNode(text));
      }
    });
    return paragraph;
  }

  function resultItem(data) {
    var item = element("li");
    var heading = element("h2");
    var link = element("a", "", (data.meta && data.meta.title) || data.url);
    link.href = new URL(data.url.replace(/^\//, ""), siteRoot).href;
    heading.appendChild(link);
    var meta = data.meta || {};
    if (meta.eksempel) {
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(element("span", "example-label", "Eksempel"));
    }
    item.appendChild(heading);
    var facts = [];
    if (meta.tema) facts.push("Tema: " + meta.tema);
    if (meta.status) facts.push("Status: " + meta.status);
    if (meta["år"]) facts.push("Indsendt: " + meta["år"]);
    if (facts.length) {
      item.appendChild(element("p", "search-page__facts", facts.join(" · ")));
    }
    if (data.excerpt) {
      item.appendChild(excerptNode(data.excerpt));
    }
    return item;
  }

  /* The next results, each shown as soon as it and those before it have arrived. The first
   * is asked for alone and shown before the others are asked for: their answers would
   * otherwise be handled while the first waits its turn. */
  function showMore(run) {
    var batch = found.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    moreRow.hidden = shown >= found.length;
    var show = function (loaded) {
      if (run === latest) list.appendChild(resultItem(loaded));
    };
    if (!batch.length) return Promise.resolve();
    return batch[0].data().then(show).then(function () {
      if (run !== latest) return;
      var datas = batch.slice(1).map(function (result) { return result.data(); });
      return datas.reduce(function (previous, data) {
        return previous.then(function () { return data; }).then(show);
      }, Promise.resolve());
    });
  }

  /* The ids of every page that is not an idea, asked of the index once a visit: a search by
   * filter alone returns a few hundred pages, far cheaper than ranking a word a second time. */
  function otherPages() {
    if (!others) {
      others = pagefind.search(null, { filters: { not: { side: IDEA_PAGE } } })
        .then(function (response) {
          return new Set((response ? response.results : []).map(function (result) {
            return result.id;
          }));
        }, function (error) {
          others = null;  /* asked again by the next search */
          throw error;
        });
    }
    return others;
  }

  /* The idea pages in their own order, then every other page in its order. */
  function ideasFirst(results, otherIds) {
    var ideas = [];
    var rest = [];
    results.forEach(function (result) {
      (otherIds.has(result.id) ? rest : ideas).push(result);
    });
    return ideas.concat(rest);
  }

  /* The filters chosen, from the address until the filter lists are there. */
  function chosenFilters() {
    var chosen = {};
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (filter) {
      var select = selects[filter[0]];
      var value = select ? select.value : params.get(filter[0]);
      if (value) chosen[filter[0]] = value;
    });
    return chosen;
  }

  function remember(query, chosen) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(chosen).forEach(function (key) { params.set(key, chosen[key]); });
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  function describe(count, query) {
    var what = count === 1 ? "1 resultat" : count + " resultater";
    return query ? what + " for »" + query + "«." : what + ".";
  }

  function run() {
    var query = input.value.trim();
    var chosen = chosenFilters();
    var current = ++latest;
    remember(query, chosen);
    list.textContent = "";
    moreRow.hidden = true;
    if (!query && !Object.keys(chosen).length) {
      say("");
      return Promise.resolve();
    }
    say("Søger …");
    return Promise.all([
      pagefind.search(query || null, { filters: chosen }),
      otherPages(),
    ]).then(function (both) {
      if (current !== latest || !both[0]) return;
      found = ideasFirst(both[0].results, both[1]);
      shown = 0;
      say(found.length ? describe(found.length, query) : "Ingen resultater" +
        (query ? " for »" + query + "«" : "") + ". Prøv et andet ord, eller fjern et filter.");
      return showMore(current);
    });
  }

  function addFilters(available, params) {
    FILTERS.forEach(function (filter) {
      var values = Object.keys(available[filter[0]] || {}).sort();
      if (!values.length) return;
      var id = "search-filter-" + filter[0].replace("å", "aa");
      var box = element("div", "search-page__filter");
      var label = element("label", "", filter[1]);
      label.htmlFor = id;
      var select = element("select");
      select.id = id;
      select.appendChild(new Option("Alle", ""));
      values.forEach(function (value) {
        select.appendChild(new Option(value + " (" + available[filter[0]][value] + ")", value));
      });
      select.value = values.indexOf(params.get(filter[0])) >= 0 ? params.get(filter[0]) : "";
      select.addEventListener("change", run);
      selects[filter[0]] = select;
      box.appendChild(label);
      box.appendChild(select);
      filterBox.appendChild(box);
    });
    filterBox.hidden = !Object.keys(selects).length;
  }

  /* The first results come before the filter lists: those are built while they show. */
  function start(loaded) {
    pagefind = loaded;
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(run, 250);
    });
    moreButton.addEventListener("click", function () { showMore(latest); });
    return pagefind
      // A worker only slows the first query; a title weighs as much as the page's text.
      .options({ excerptLength: 24, noWorker: true, ranking: { metaWeights: { title: 0 } } })
      .then(run)
      .then(function () { return pagefind.filters(); })
      .then(function (available) { addFilters(available || {}, params); });
  }

  say("Indlæser søgningen …");
  import(new URL("pagefind/pagefind.js", siteRoot).href)
    .then(start)
    .catch(function () {
      say("Søgningen kunne ikke indlæses. Du finder alle ideer fra deres tema og på siden " +
        "Investeringstrin.");
    });
})();
