// Draws the interactive charts of comparison.html with uPlot (inlined above this script) from the
// JSON block #chart-data, which holds the same numbers as comparison.json. Each chart's container
// gets data-rendered="true" once drawn: the browser test looks for it.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('chart-data').textContent);
  const SOURCE = {server: 'server total_ms', client: 'client side', gatling: 'Gatling (points)'};
  // One dash per latency profile, so a client keeps its colour across profiles.
  const DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3]];

  function colourOf(client) {
    const i = data.clients.indexOf(client);
    return data.palette[(i < 0 ? data.clients.length : i) % data.palette.length];
  }

  function ms(v) {
    if (v == null) return '–';
    return (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toPrecision(2)) + ' ms';
  }

  function tick(v) {
    return v == null ? '' : String(+v.toPrecision(3));
  }

  // The inverse of Nines.of: the percentile at a position of the nines axis.
  function percentile(nines) {
    const p = 100 * (1 - Math.pow(10, -nines));
    const decimals = Math.max(0, Math.ceil(nines - 1e-9) - 2);
    return +p.toFixed(decimals) + '%';
  }

  // A log axis fitted to the data with a little room, rather than stretched to whole decades.
  const LOG_Y = {distr: 3, range: (u, min, max) => [min / 1.15, max * 1.15]};

  function draw(id, options, aligned) {
    const el = document.getElementById(id);
    if (!el) return;
    el.textContent = '';
    const width = Math.max(360, Math.min(el.clientWidth || 960, 1100));
    new uPlot(Object.assign({width: width, height: 330}, options), aligned, el);
    el.dataset.rendered = 'true';
  }

  function line(label, colour, extra) {
    return Object.assign(
        {label: label, stroke: colour, width: 2, spanGaps: true, points: {show: false},
         value: (u, v) => ms(v)},
        extra);
  }

  function distribution(d) {
    const series = [{label: 'percentile', value: (u, v) => (v == null ? '–' : percentile(v))}];
    for (const s of d.series) {
      const colour = colourOf(s.client);
      const label = s.client + ' · ' + SOURCE[s.source];
      if (s.source === 'gatling') {
        series.push(line(label, colour,
            {fill: colour, paths: () => null, points: {show: true, size: 8, space: 0}}));
      } else if (s.source === 'client') {
        series.push(line(label, colour, {width: 1.5, dash: [6, 4]}));
      } else {
        series.push(line(label, colour));
      }
    }
    const splits = d.ticks.map(t => t.nines);
    const labels = new Map(d.ticks.map(t => [t.nines, t.label]));
    // The x axis ends where the longest tail does (its maximum), not at the next whole nine.
    const end = Math.max(1, ...d.series.flatMap(s => s.nines)) * 1.02;
    draw('chart-nines-' + d.mode, {
      scales: {x: {time: false, range: [0, end]}, y: LOG_Y},
      axes: [
        {label: 'percentile (nines scale: each step is ten times rarer)',
         splits: () => splits.filter(v => v <= end), values: (u, vals) => vals.map(v => labels.get(v) || percentile(v))},
        {label: 'latency, ms (log)', values: (u, vals) => vals.map(tick), size: 60},
      ],
      series: series,
    }, uPlot.join(d.series.map(s => [s.nines, s.ms])));
  }

  function phaseMarks(u, phases) {
    const ctx = u.ctx;
    const px = uPlot.pxRatio;
    ctx.save();
    ctx.strokeStyle = '#999';
    ctx.fillStyle = '#444';
    ctx.setLineDash([3 * px, 3 * px]);
    ctx.font = (11 * px) + 'px system-ui, sans-serif';
    for (const p of phases) {
      const x = u.valToPos(p.fromSecond, 'x', true);
      if (x < u.bbox.left - 1 || x > u.bbox.left + u.bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.fillText(p.label, x + 4 * px, u.bbox.top + 12 * px);
    }
    ctx.restore();
  }

  // Faults played on the emulated cluster: a solid red vertical and its label where it was sent
  // (a failed one dotted). The count drawn goes to the container: the browser test reads it.
  function faultMarks(u, faults, id) {
    const ctx = u.ctx;
    const px = uPlot.pxRatio;
    let drawn = 0;
    ctx.save();
    ctx.font = (11 * px) + 'px system-ui, sans-serif';
    faults.forEach((f, i) => {
      const x = u.valToPos(f.atSecond, 'x', true);
      if (x < u.bbox.left - 1 || x > u.bbox.left + u.bbox.width + 1) return;
      ctx.strokeStyle = '#c0392b';
      ctx.fillStyle = '#c0392b';
      ctx.lineWidth = 1.5 * px;
      ctx.setLineDash(f.ok ? [] : [2 * px, 2 * px]);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      // Labels step down so that faults close together stay readable.
      ctx.fillText(f.label, x + 4 * px, u.bbox.top + (26 + 13 * (i % 4)) * px);
      drawn++;
    });
    ctx.restore();
    const el = document.getElementById(id);
    if (el) el.dataset.faultMarks = String(drawn);
  }

  function timeline(t) {
    const aligned = [t.seconds];
    const series = [{label: 'second', value: (u, v) => (v == null ? '–' : v + ' s')}];
    const count = (u, v) => (v == null ? '–' : v + ' KO/s');
    let errorsMax = 0;
    for (const s of t.series) {
      const colour = colourOf(s.client);
      // A second without responses is a real gap: it is not bridged.
      aligned.push(s.p95Ms);
      series.push(line(s.client + ' p95', colour, {width: 1.5, spanGaps: false}));
      aligned.push(s.p50Ms);
      series.push(line(s.client + ' p50', colour, {width: 1, dash: [4, 3], spanGaps: false, show: false}));
      if (s.errors) {
        aligned.push(s.errors);
        errorsMax = Math.max(errorsMax, ...s.errors);
        series.push({label: s.client + ' errors/s', stroke: colour, width: 1, dash: [2, 2],
                     scale: 'errors', spanGaps: true, points: {show: false}, value: count});
      }
    }
    const withErrors = t.series.some(s => s.errors);
    const axes = [
      {label: 'seconds since the first response'},
      {label: 'client-side latency, ms (log)', values: (u, vals) => vals.map(tick), size: 60},
    ];
    if (withErrors) {
      axes.push({scale: 'errors', side: 1, label: 'errors (KO) per second', size: 60,
                 grid: {show: false}});
    }
    draw('chart-timeline', {
      cursor: CURSOR,
      scales: {x: {time: false}, y: LOG_Y,
               errors: {range: () => [0, Math.max(1, errorsMax) * 1.1]}},
      axes: axes,
      series: series,
      hooks: {draw: [u => phaseMarks(u, t.phases), u => faultMarks(u, t.faults || [], 'chart-timeline')]},
    }, aligned);
  }

  // The latency and saturation charts share x (seconds since the first response): one cursor.
  const CURSOR = {sync: {key: 'run-seconds'}};

  function saturation(s) {
    const aligned = [s.seconds];
    const series = [{label: 'second', value: (u, v) => (v == null ? '–' : v.toFixed(0) + ' s')}];
    s.lines.forEach((l, i) => {
      aligned.push(l.values);
      // One colour per queue (a style has several); waiting is dashed.
      const colour = data.palette[i % data.palette.length];
      const waiting = /queued|waiting/.test(l.state || '');
      series.push({label: l.name, stroke: colour, width: 1.5, dash: waiting ? [6, 4] : [],
                   spanGaps: true, points: {show: false},
                   value: (u, v) => (v == null ? '–' : String(+v.toPrecision(4)))});
    });
    const phases = data.timeline ? data.timeline.phases : [];
    const faults = data.timeline && data.timeline.faults ? data.timeline.faults : [];
    draw('chart-saturation', {
      cursor: CURSOR,
      scales: {x: {time: false}},
      axes: [
        {label: 'seconds since the first response'},
        {label: 'in use / waiting (count)', size: 60},
      ],
      series: series,
      hooks: {draw: [u => phaseMarks(u, phases), u => faultMarks(u, faults, 'chart-saturation')]},
    }, aligned);
  }

  function capacity(study) {
    const p95 = [];
    const achieved = [];
    const series = [];
    study.profiles.forEach((profile, pi) => {
      for (const c of profile.clients) {
        const levels = c.levels.slice().sort((a, b) => a.offered - b.offered);
        const xs = levels.map(l => l.offered);
        p95.push([xs, levels.map(l => (l.p95Ms > 0 ? l.p95Ms : null))]);
        achieved.push([xs, levels.map(l => l.achieved)]);
        series.push({label: profile.profile + ' · ' + c.client, stroke: colourOf(c.client),
                     dash: DASHES[pi % DASHES.length]});
      }
    });
    const points = {show: true, size: 7, space: 0};
    const x = {label: 'offered rate per client, req/s'};
    const offered = {label: 'offered', value: (u, v) => (v == null ? '–' : v + ' req/s')};
    draw('chart-capacity-p95', {
      scales: {x: {time: false}, y: LOG_Y},
      axes: [x, {label: 'client-side p95, ms (log)', values: (u, vals) => vals.map(tick), size: 60}],
      series: [offered].concat(series.map(s => line(s.label, s.stroke, {dash: s.dash, points}))),
    }, uPlot.join(p95));
    // The ideal line: every offered request answered.
    const all = Array.from(new Set(achieved.flatMap(t => t[0]))).sort((a, b) => a - b);
    achieved.push([all, all]);
    const rate = (u, v) => (v == null ? '–' : (+v.toPrecision(4)) + ' req/s');
    draw('chart-capacity-achieved', {
      scales: {x: {time: false}},
      axes: [x, {label: 'achieved rate, req/s', size: 60}],
      series: [offered]
          .concat(series.map(s => line(s.label, s.stroke, {dash: s.dash, points, value: rate})))
          .concat([line('achieved = offered', '#999', {width: 1, dash: [2, 4], value: rate})]),
    }, uPlot.join(achieved));
  }

  data.distributions.forEach(distribution);
  if (data.timeline) timeline(data.timeline);
  if (data.capacity) capacity(data.capacity);
  if (data.saturation) saturation(data.saturation);
})();
