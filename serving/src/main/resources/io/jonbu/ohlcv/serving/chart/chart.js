// The live chart of GET /: a symbol's history over REST, then its live candles over the WebSocket
// stream (protocol: the info.description of api/v1/openapi.json). Plain script, no build step.
"use strict";

(() => {
  const HISTORY_LIMIT = 500;
  const VISIBLE_BARS = 150;
  const MAX_RETRY_MS = 30000;
  const KEY_STORAGE = "jonbu.apiKey";
  const UP = "#26a69a";
  const DOWN = "#ef5350";
  // drawn in this order: the SMA 20 over the Bollinger middle band, which is the same line
  const OVERLAYS = [
    { key: "bb_upper", name: "BB upper", color: "#8b5cf6", dashed: true },
    { key: "bb_middle", name: "BB middle", color: "#a78bfa", dashed: true },
    { key: "bb_lower", name: "BB lower", color: "#8b5cf6", dashed: true },
    { key: "sma_20", name: "SMA 20", color: "#f59e0b" },
    { key: "ema_12", name: "EMA 12", color: "#2563eb" },
  ];

  const $ = id => document.getElementById(id);
  const chart = echarts.init($("chart"));
  window.addEventListener("resize", () => chart.resize());

  /** A REST answer that is not a 2xx, with the API's error message when it sent one. */
  class ApiFailure extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  // the key lives in sessionStorage only: never in the URL, gone with the tab
  const storedKey = () => sessionStorage.getItem(KEY_STORAGE);

  async function api(path) {
    const key = storedKey();
    const response = await fetch(path, { headers: key ? { Authorization: "Bearer " + key } : {} });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new ApiFailure(response.status, body?.error?.message ?? response.status + " " + response.statusText);
    }
    return response.json();
  }

  // a crypto pair such as BTC/USD keeps its slash: the API's route takes it as part of the symbol
  const symbolPath = symbol => symbol.split("/").map(encodeURIComponent).join("/");

  const pad = n => String(n).padStart(2, "0");
  function label(millis, timeframe) {
    const d = new Date(millis);
    const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    return timeframe === "1d" ? day : `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  let view = null;

  /** Shows a symbol and timeframe: subscribes first, so nothing published while history loads is lost. */
  function show(symbol, timeframe, retry = 0) {
    if (view && (view.symbol !== symbol || view.timeframe !== timeframe)) {
      chart.clear();  // not another symbol's candles under this one's status line
    }
    stop(view);
    view = {
      symbol, timeframe, retry,
      bars: [],               // candles by start, ascending, each with t = start in ms
      extras: new Map(),      // t -> {indicators, patterns} of the enriched candle
      chartPatterns: [],
      pending: [],            // stream messages that came before the history
      loaded: false, subscribed: false, stopped: false, problem: null,
      socket: null, timer: null, drawn: false, renderQueued: false,
    };
    const url = new URL(location.href);
    url.search = new URLSearchParams({ symbol, timeframe }).toString();
    history.replaceState(null, "", url);
    $("symbol").value = symbol;
    $("timeframe").value = timeframe;
    connect(view);
    loadHistory(view);
    render(view);
  }

  function stop(v) {
    if (!v) {
      return;
    }
    v.stopped = true;
    clearTimeout(v.timer);
    if (v.socket) {
      v.socket.onclose = null;
      v.socket.close();
    }
  }

  /** A lost connection or server: load everything again, after 1, 2, 4 .. 30 s. */
  function retryLater(v, why) {
    if (v.stopped) {
      return;
    }
    stop(v);
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** v.retry);
    v.problem = `${why}, retrying in ${Math.round(delay / 1000)} s`;
    render(v);
    v.timer = setTimeout(() => show(v.symbol, v.timeframe, v.retry + 1), delay);
  }

  /** An answer that retrying cannot change (unknown symbol, missing or refused key): say it and wait. */
  function giveUp(v, why, needsKey) {
    stop(v);
    v.problem = why;
    $("key-form").hidden = !needsKey;
    if (needsKey) {
      $("key").focus();
    }
    render(v);
  }

  const needKey = (v, why) => giveUp(v, storedKey() ? "API key refused: " + why : "this server needs an API key", true);

  async function loadHistory(v) {
    const path = `api/v1/ohlcv/${symbolPath(v.symbol)}`;
    const query = `timeframe=${v.timeframe}&limit=${HISTORY_LIMIT}`;
    try {
      const [history, enriched] = await Promise.all([
        api(`${path}/history?${query}`),
        // no enriched candles (yet) is no reason not to draw the candles
        api(`${path}/enriched?${query}`).catch(e => (e.status === 401 ? Promise.reject(e) : { candles: [] })),
      ]);
      // the chart patterns that end within the history; drawn with it, so "live" means all is there
      const found = history.candles.length === 0 ? { patterns: [] }
        : await api(`api/v1/patterns?symbol=${encodeURIComponent(v.symbol)}&timeframe=${v.timeframe}&since=${history.candles[0].start}`)
          .catch(() => ({ patterns: [] }));
      if (v.stopped) {
        return;
      }
      history.candles.forEach(c => upsertCandle(v, c));
      enriched.candles.forEach(e => upsertEnriched(v, e));
      v.chartPatterns = found.patterns;
      v.loaded = true;
      v.pending.splice(0).forEach(m => apply(v, m));
      render(v);
    } catch (e) {
      if (v.stopped) {
        return;
      }
      if (e instanceof ApiFailure && e.status === 401) {
        needKey(v, e.message);
      } else if (e instanceof ApiFailure && e.status >= 400 && e.status < 500 && e.status !== 429) {
        giveUp(v, e.message, false);
      } else {
        retryLater(v, "history failed: " + e.message);
      }
    }
  }

  function connect(v) {
    const url = new URL("api/v1/stream", location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(url);
    v.socket = socket;
    socket.onopen = () => {
      const key = storedKey();
      // a browser cannot set headers on the upgrade: the key goes first, in a message
      if (key) {
        socket.send(JSON.stringify({ action: "auth", key }));
      }
      socket.send(JSON.stringify({ action: "subscribe", candles: [v.symbol], timeframes: [v.timeframe], enriched: true }));
    };
    socket.onmessage = event => {
      let messages;
      try {
        messages = JSON.parse(event.data);
      } catch {
        return;
      }
      for (const m of messages) {
        received(v, m);
      }
    };
    socket.onclose = () => retryLater(v, "stream closed");
  }

  function received(v, m) {
    switch (m.T) {
      case "subscription":
        v.subscribed = true;
        v.retry = 0;
        render(v);
        break;
      case "candle":
      case "enriched":
        if (v.loaded) {
          apply(v, m);
          render(v);
        } else {
          v.pending.push(m);
        }
        break;
      case "error":
        // 401 not authenticated, 402 auth failed, 404 auth timeout: only a (new) key helps;
        // 403 "already authenticated" is a key sent to a server that needs none
        if (m.code === 401 || m.code === 402 || m.code === 404) {
          needKey(v, m.msg);
        } else if (m.code !== 403) {
          v.problem = `stream error ${m.code}: ${m.msg}`;
          render(v);
        }
        break;
    }
  }

  function apply(v, m) {
    if (m.T === "candle") {
      upsertCandle(v, m);
    } else {
      upsertEnriched(v, m);
    }
  }

  /** The candle of a start: a new start appends (or fills in), the same start replaces a partial or older revision. */
  function upsertCandle(v, c) {
    if (c.symbol !== v.symbol || c.timeframe !== v.timeframe) {
      return;
    }
    const bar = { ...c, t: Date.parse(c.start) };
    const bars = v.bars;
    let i = bars.length - 1;
    while (i >= 0 && bars[i].t > bar.t) {
      i--;
    }
    if (i >= 0 && bars[i].t === bar.t) {
      const old = bars[i];
      // a partial update never undoes the final candle; a revision only replaces an older one
      if (bar.final ? !old.final || bar.revision >= old.revision : !old.final) {
        bars[i] = bar;
      }
    } else {
      bars.splice(i + 1, 0, bar);
    }
  }

  function upsertEnriched(v, e) {
    if (e.ohlcv.symbol !== v.symbol || e.ohlcv.timeframe !== v.timeframe) {
      return;
    }
    upsertCandle(v, e.ohlcv);
    v.extras.set(Date.parse(e.ohlcv.start), { indicators: e.indicators ?? {}, patterns: e.patterns ?? [] });
  }

  /** Draws on the next tick, so a burst of stream messages costs one redraw. */
  function render(v) {
    if (v.renderQueued) {
      return;
    }
    v.renderQueued = true;
    setTimeout(() => {
      v.renderQueued = false;
      if (v === view) {
        draw(v);
      }
    }, 0);
  }

  function draw(v) {
    const status = $("status");
    const count = `${v.symbol} ${v.timeframe}: ${v.bars.length} candle${v.bars.length === 1 ? "" : "s"}`;
    const last = v.bars.length > 0 ? `, last close ${v.bars[v.bars.length - 1].close}` : "";
    const state = v.problem ?? (!v.loaded ? "loading" : v.subscribed ? "live" : "connecting");
    status.textContent = `${count}${last}, ${state}`;
    status.classList.toggle("problem", v.problem != null);
    if (v.loaded) {
      chart.setOption(option(v), { notMerge: !v.drawn });
      v.drawn = true;
    }
  }

  function option(v) {
    const bars = v.bars;
    const categories = bars.map(b => label(b.t, v.timeframe));
    const overlays = OVERLAYS.filter(o => bars.some(b => v.extras.get(b.t)?.indicators[o.key] != null));
    const series = [
      {
        id: "candles", name: "OHLC", type: "candlestick", barMaxWidth: 24,
        data: bars.map(b => [b.open, b.close, b.low, b.high]),
        itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN },
        markPoint: { data: candlePatternMarks(v), symbol: "pin", symbolSize: 34, label: { fontSize: 9 }, animation: false },
        markArea: { data: chartPatternAreas(v), silent: true, itemStyle: { color: "rgba(37, 99, 235, 0.08)" },
          label: { position: "insideTop", color: "#1e3a8a", fontSize: 11 } },
      },
      {
        id: "volume", name: "Volume", type: "bar", xAxisIndex: 1, yAxisIndex: 1, barMaxWidth: 24,
        data: bars.map(b => ({ value: b.volume, itemStyle: { color: b.close >= b.open ? UP : DOWN } })),
      },
      ...overlays.map(o => ({
        id: o.key, name: o.name, type: "line", showSymbol: false, connectNulls: false,
        lineStyle: { width: 1.2, color: o.color, type: o.dashed ? "dashed" : "solid" }, itemStyle: { color: o.color },
        data: bars.map(b => v.extras.get(b.t)?.indicators[o.key] ?? null),
      })),
    ];
    const result = {
      animation: false,
      legend: { top: 4, data: ["OHLC", ...overlays.map(o => o.name)] },
      tooltip: { trigger: "axis", axisPointer: { type: "cross" } },
      axisPointer: { link: [{ xAxisIndex: "all" }] },
      grid: [{ left: 60, right: 60, top: 36, height: "58%" }, { left: 60, right: 60, top: "74%", height: "14%" }],
      xAxis: [
        { type: "category", data: categories, boundaryGap: true, axisLabel: { show: false }, axisTick: { show: false } },
        { type: "category", gridIndex: 1, data: categories, boundaryGap: true },
      ],
      yAxis: [
        { scale: true, splitArea: { show: true } },
        { gridIndex: 1, min: 0, splitNumber: 2, axisLabel: { formatter: compact } },
      ],
      series,
    };
    // the zoom is set once per view, so a live candle does not undo the reader's zooming
    if (!v.drawn) {
      const startValue = Math.max(0, bars.length - VISIBLE_BARS);
      result.dataZoom = [
        { type: "inside", xAxisIndex: [0, 1], startValue },
        { type: "slider", xAxisIndex: [0, 1], bottom: 8, startValue },
      ];
    }
    return result;
  }

  const compact = n => (n >= 1e6 ? (n / 1e6).toFixed(1) + "M" : n >= 1e3 ? (n / 1e3).toFixed(0) + "k" : String(n));

  /** A pin over each candle an enriched candle names a candlestick pattern on. */
  function candlePatternMarks(v) {
    return v.bars.flatMap((b, i) => {
      const names = v.extras.get(b.t)?.patterns ?? [];
      return names.length === 0 ? [] : [{
        name: names.join(", "), coord: [i, b.high], value: names.map(abbreviation).join(" "),
        itemStyle: { color: "#64748b" },
      }];
    });
  }

  const abbreviation = name => name.split("_").map(w => w[0].toUpperCase()).join("");

  /** A shaded span from each chart pattern's first candle to its last, named. */
  function chartPatternAreas(v) {
    const bars = v.bars;
    return v.chartPatterns.flatMap(p => {
      const start = Date.parse(p.start);
      const end = Date.parse(p.end);
      const first = bars.findIndex(b => b.t >= start);
      let last = bars.length - 1;
      while (last >= 0 && bars[last].t >= end) {
        last--;
      }
      return first < 0 || last < first ? [] : [[{ name: p.pattern.replaceAll("_", " "), xAxis: first }, { xAxis: last }]];
    });
  }

  async function fillSymbolPicker() {
    try {
      const found = await api("api/v1/symbols");
      $("symbols").replaceChildren(...found.symbols.map(s => Object.assign(document.createElement("option"), { value: s.symbol })));
      return found.symbols.find(s => s.active)?.symbol ?? found.symbols[0]?.symbol;
    } catch {
      return undefined;  // the history request says why (a key, or the server is down)
    }
  }

  $("view").addEventListener("submit", event => {
    event.preventDefault();
    show($("symbol").value.trim().toUpperCase(), $("timeframe").value);
  });
  $("timeframe").addEventListener("change", () => $("view").requestSubmit());
  $("key-form").addEventListener("submit", event => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $("key").value.trim());
    $("key").value = "";
    $("key-form").hidden = true;
    fillSymbolPicker();
    show(view.symbol, view.timeframe);
  });

  (async () => {
    const params = new URLSearchParams(location.search);
    const tracked = await fillSymbolPicker();
    const timeframe = params.get("timeframe");
    show((params.get("symbol") ?? tracked ?? "AAPL").toUpperCase(),
      ["1m", "5m", "15m", "1h", "1d"].includes(timeframe) ? timeframe : "1m");
  })();
})();
