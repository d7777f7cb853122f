// The user inspector: /dashboard/api/users/:id → Big Five, genre preferences, top
// Q-values and the latest served list with component scores and reasons.
const $ = (id) => document.getElementById(id);
const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];

function bar(label, value, { max, digits = 2, signed = false }) {
  const row = document.createElement('div');
  row.className = 'bar';
  const name = document.createElement('span');
  name.textContent = label;
  const track = document.createElement('div');
  track.className = 'track';
  const fill = document.createElement('div');
  const share = Math.min(1, Math.abs(value) / max);
  fill.className = `fill${value < 0 ? ' negative' : ''}`;
  // Signed values grow from the middle, so likes and dislikes read at a glance.
  if (signed)
    Object.assign(
      fill.style,
      value < 0 ? { right: '50%', width: `${share * 50}%` } : { left: '50%', width: `${share * 50}%` },
    );
  else Object.assign(fill.style, { left: '0', width: `${share * 100}%` });
  track.append(fill);
  const num = document.createElement('span');
  num.className = 'num';
  num.textContent = value.toFixed(digits);
  row.append(name, track, num);
  return row;
}

function table(node, headers, rows) {
  const head = document.createElement('tr');
  for (const h of headers) head.append(Object.assign(document.createElement('th'), { textContent: h }));
  const body = rows.map((cells) => {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      if (typeof cell === 'number') {
        td.className = 'n';
        td.textContent = cell.toFixed(3);
      } else if (cell instanceof Node) td.append(cell);
      else td.textContent = cell ?? '';
      tr.append(td);
    }
    return tr;
  });
  node.replaceChildren(head, ...body);
}

function render(user) {
  const personality = user.personality;
  $('big-five').replaceChildren(
    ...(personality
      ? TRAITS.map((t) => bar(t, personality[t], { max: 100, digits: 0 }))
      : [
          Object.assign(document.createElement('p'), {
            className: 'muted',
            textContent: 'no profile: balanced defaults (50) are used',
          }),
        ]),
  );
  const best = Math.max(0.01, ...user.genres.map((g) => Math.abs(g.score)));
  $('genres').replaceChildren(
    ...user.genres.slice(0, 10).map((g) => bar(g.name, g.score, { max: best, signed: true })),
  );
  if (user.genres.length === 0) $('genres').textContent = 'nothing learned yet';
  table(
    $('q-values'),
    ['state (energy · valence · dance · tempo | bucket)', 'Q(rec)', 'Q(not)'],
    user.topQ.map((q) => [describe(q), q.recommend, q.notRecommend]),
  );
  renderRecommendations(user.recommendations);
}

function describe(q) {
  const l = q.labels;
  return l.bucket ? `${l.energy} · ${l.valence} · ${l.danceability} · ${l.tempo} | ${l.bucket}` : q.state;
}

function renderRecommendations(list) {
  if (!list) {
    $('recs-meta').textContent = '· none served yet';
    $('recommendations').replaceChildren();
    return;
  }
  $('recs-meta').textContent =
    `· ${new Date(list.servedAt).toLocaleString()} · stage ${list.coldStartStage} · model v${list.modelVersion}`;
  table(
    $('recommendations'),
    ['#', 'track', 'final', 'history', 'personality', 'diversity', 'novelty', 'RL', 'reason'],
    list.tracks.map((t) => {
      const reason = document.createElement('span');
      reason.textContent = `${t.reason ?? ''} `;
      if (t.exploration)
        reason.append(Object.assign(document.createElement('span'), { className: 'tag', textContent: 'explore' }));
      const s = t.scores;
      const title = `${t.name ?? t.trackId}${t.artists.length ? ` — ${t.artists.join(', ')}` : ''}`;
      return [
        String(t.rank),
        title,
        s.final,
        s.historySimilarity,
        s.personalityMatch,
        s.diversity,
        s.novelty,
        s.rlAdjustment,
        reason,
      ];
    }),
  );
}

async function inspect(userId) {
  $('inspect-status').textContent = 'loading…';
  try {
    const res = await fetch(`/dashboard/api/users/${encodeURIComponent(userId)}`, { cache: 'no-store' });
    const body = await res.json();
    if (!res.ok) throw new Error(body.message ?? `answered ${res.status}`);
    render(body);
    $('inspect-result').hidden = false;
    $('inspect-status').textContent =
      `${body.userId} · model v${body.modelVersion} · ${body.episodes} episodes · snapshot from ${body.snapshotSource}`;
  } catch (error) {
    $('inspect-status').textContent = `cannot inspect: ${error.message}`;
  }
}

export function startInspector() {
  $('inspect-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const userId = $('inspect-user').value.trim();
    if (userId) void inspect(userId);
  });
}
