// The offline kit's incident logger. Runs from a file opened with the network
// off: nothing is fetched, everything is kept in this browser's localStorage
// (so a reload or a closed tab loses nothing), and the log leaves as a JSON
// file the staff carry back to medbcp (`medbcp incident import`).
//
// The file format and its integrity hash are defined in src/io/offline_log.h;
// this script must write exactly that. Entries are never edited here: a
// mistake is corrected by writing another entry, as on the server.
'use strict';

(function () {
  var data = JSON.parse(document.getElementById('kit-data').textContent);
  var storageKey = 'medbcp-offline-log:' + data.kit.id;
  var authorKey = 'medbcp-offline-author';
  var $ = function (id) {
    return document.getElementById(id);
  };

  // --- time: stored as UTC "YYYY-MM-DDTHH:MM:SSZ", typed and shown in JST ---
  var JST = 9 * 3600 * 1000;
  function utcNow() {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  function jstInputNow() {
    return new Date(Date.now() + JST).toISOString().slice(0, 16);
  }
  // A datetime-local value is taken as Asia/Tokyo whatever the laptop's zone.
  function utcFromInput(value) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
    var d = new Date(value + ':00+09:00');
    if (isNaN(d.getTime())) return null;
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  function jstText(utc) {
    return new Date(new Date(utc).getTime() + JST).toISOString().slice(0, 16).replace('T', ' ');
  }

  // --- ids and text ---
  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var hex = '';
    for (var i = 0; i < bytes.length; i++) hex += ('0' + bytes[i].toString(16)).slice(-2);
    return hex;
  }
  // Lone surrogates cannot be written as UTF-8; replace them so the hash
  // computed here is the hash medbcp computes.
  function clean(text) {
    var s = String(text || '');
    var out = '';
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        var next = s.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          out += s[i] + s[i + 1];
          i++;
        } else {
          out += '\ufffd';
        }
      } else if (c >= 0xdc00 && c <= 0xdfff) {
        out += '\ufffd';
      } else {
        out += s[i];
      }
    }
    return out.trim();
  }

  // --- the log, kept in localStorage ---
  var log = load();
  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(storageKey) || 'null');
      if (saved && saved.log_id && Array.isArray(saved.entries)) return saved;
    } catch (e) {
      /* unreadable storage: start a new log below */
    }
    return { log_id: randomId(), entries: [], exported_at: null };
  }
  function save() {
    try {
      localStorage.setItem(storageKey, JSON.stringify(log));
      return true;
    } catch (e) {
      alert('このブラウザに保存できません。紙の様式に記録してください。（' + e.message + '）');
      return false;
    }
  }

  function author() {
    return clean($('author').value);
  }

  function add(kind, occurredAt, text, payload) {
    var entry = {
      id: randomId(),
      kind: kind,
      occurred_at: occurredAt,
      recorded_at: utcNow(),
      author: author(),
      text: text,
      payload: JSON.stringify(payload || {}),
    };
    log.entries.push(entry);
    if (!save()) {
      log.entries.pop();
      return false;
    }
    render();
    return true;
  }

  // --- the export: src/io/offline_log.h's format and hash ---
  function encodeFields(fields) {
    var encoder = new TextEncoder();
    var parts = [];
    var total = 0;
    fields.forEach(function (f) {
      var bytes = encoder.encode(String(f));
      var head = new Uint8Array(8);
      new DataView(head.buffer).setUint32(4, bytes.length);
      parts.push(head, bytes);
      total += 8 + bytes.length;
    });
    var out = new Uint8Array(total);
    var at = 0;
    parts.forEach(function (p) {
      out.set(p, at);
      at += p.length;
    });
    return out;
  }
  function canonical(kit, logId, entries) {
    var fields = ['medbcp-offline-log-1', kit.id, kit.facility, String(kit.edition), kit.made_at, logId,
      String(entries.length)];
    entries.forEach(function (e) {
      fields.push(e.id, e.kind, e.occurred_at, e.recorded_at, e.author, e.text, e.payload);
    });
    return encodeFields(fields);
  }
  function digest(kit, logId, entries) {
    return medbcpSha256(canonical(kit, logId, entries));
  }
  function hexBytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }
  // HMAC-SHA256 (RFC 2104) with this kit's key: the server, which kept the
  // key, can tell a log this kit made from one rewritten elsewhere.
  function seal(kit, logId, entries) {
    if (!data.seal_key) return '';
    var key = hexBytes(data.seal_key);  // 32 bytes: shorter than the 64-byte block
    var inner = new Uint8Array(64), outer = new Uint8Array(64);
    for (var i = 0; i < 64; i++) {
      var k = i < key.length ? key[i] : 0;
      inner[i] = k ^ 0x36;
      outer[i] = k ^ 0x5c;
    }
    var message = canonical(kit, logId, entries);
    var first = new Uint8Array(64 + message.length);
    first.set(inner);
    first.set(message, 64);
    var second = new Uint8Array(64 + 32);
    second.set(outer);
    second.set(hexBytes(medbcpSha256(first)), 64);
    return medbcpSha256(second);
  }
  function exportLog() {
    var entries = log.entries.map(function (e) {
      return {
        id: e.id, kind: e.kind, occurred_at: e.occurred_at, recorded_at: e.recorded_at,
        author: e.author, text: e.text, payload: e.payload,
      };
    });
    var now = utcNow();
    var file = {
      format: 'medbcp-offline-log',
      version: 1,
      kit: data.kit,
      log_id: log.log_id,
      exported_at: now,
      entries: entries,
      sha256: digest(data.kit, log.log_id, entries),
    };
    var sealed = seal(data.kit, log.log_id, entries);
    if (sealed) file.seal = sealed;
    var json = JSON.stringify(file, null, 2) + '\n';
    var link = $('download');
    if (link.href) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.download = 'medbcp-offline-log-' + jstText(now).replace(/[- :]/g, '').slice(0, 12) + '-' +
      log.log_id.slice(0, 8) + '.json';
    link.textContent = link.download + ' を保存';
    link.hidden = false;
    link.click();
    log.exported_at = now;
    log.exported_count = entries.length;
    save();
    render();
  }

  // --- what the entries say now ---
  function report() {
    for (var i = 0; i < log.entries.length; i++) {
      if (log.entries[i].kind === 'report') return log.entries[i];
    }
    return null;
  }
  function stepStates() {
    var states = {};
    log.entries.forEach(function (e) {
      if (e.kind === 'step') {
        var p = JSON.parse(e.payload);
        states[p.step] = { state: p.state, entry: e };
      }
    });
    if (report()) states.report = states.report || { state: 'done', entry: report() };
    return states;
  }
  var kindLabels = { report: '発見・報告', fact: '事実', action: '対応', note: 'メモ', step: '手順', contact: '連絡' };

  function render() {
    var list = $('entries');
    list.textContent = '';
    var sorted = log.entries.slice().sort(function (a, b) {
      return a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0;
    });
    sorted.forEach(function (e) {
      var li = document.createElement('li');
      li.className = 'entry entry-' + e.kind;
      var head = document.createElement('div');
      head.className = 'entry-head';
      head.textContent = jstText(e.occurred_at) + '　' + kindLabels[e.kind] + '　' + e.author;
      var body = document.createElement('div');
      body.className = 'entry-text';
      body.textContent = e.text;
      li.appendChild(head);
      li.appendChild(body);
      list.appendChild(li);
    });
    $('entry-count').textContent = String(log.entries.length);
    var unexported = log.entries.length - (log.exported_count || 0);
    $('export-status').textContent = log.exported_at
      ? '最後の書き出し: ' + jstText(log.exported_at) +
        (unexported > 0 ? '。その後の記録 ' + unexported + ' 件はまだ書き出していません。' : '（すべて書き出し済み）')
      : 'まだ書き出していません。';

    renderDrill();
    var r = report();
    $('report-form').hidden = !!r;
    $('report-done').hidden = !r;
    if (r) $('report-summary').textContent = jstText(r.occurred_at) + '　' + r.text;

    var states = stepStates();
    Array.prototype.forEach.call(document.querySelectorAll('[data-step-state]'), function (el) {
      var s = states[el.getAttribute('data-step-state')];
      var state = s ? s.state : 'pending';
      el.textContent = state === 'done' ? '実施済' : state === 'not_applicable' ? '対象外' : '未実施';
      el.className = 'step-state step-' + state;
    });
  }

  function problem(form, message) {
    var out = form.querySelector('.form-problem');
    out.textContent = message;
    out.hidden = !message;
    return !message;
  }
  function needAuthor(form) {
    if (author()) return true;
    problem(form, '上の「記入者」に名前を入力してください。');
    $('author').focus();
    return false;
  }

  // --- the forms ---
  $('author').value = localStorage.getItem(authorKey) || '';
  $('author').addEventListener('change', function () {
    try {
      localStorage.setItem(authorKey, author());
    } catch (e) {
      /* the name is only a convenience */
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll('input[type=datetime-local]:not([data-optional])'), function (el) {
    if (!el.value) el.value = jstInputNow();
  });

  // The boxes of one name that are ticked, in page order.
  function ticked(form, name) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (b) {
      return b.checked;
    });
  }

  $('report-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    if (!needAuthor(f)) return;
    var discovered = utcFromInput(f.discovered_at.value);
    var aware = f.aware_at.value ? utcFromInput(f.aware_at.value) : discovered;
    var discoverer = clean(f.discoverer.value) || author();
    var situation = clean(f.situation.value);
    if (!discovered || !aware) return problem(f, '発見日時を入力してください。');
    if (!situation) return problem(f, '発生状況（何が起きているか）を入力してください。');
    var threat = f.threat.value;
    if (!threat) return problem(f, '想定事象を選んでください（分からなければ「その他」）。');
    var threatLabel = f.threat.options[f.threat.selectedIndex].text;
    var title = clean(f.elements['title'].value) || situation.split('\n')[0].slice(0, 40);
    var opening = {
      title: title,
      threat: threat,
      discoverer: discoverer,
      discovered_at: discovered,
      how_found: clean(f.how_found.value),
      situation: situation,
      actions_taken: clean(f.actions_taken.value),
      systems: ticked(f, 'system[]').map(function (b) {
        return { id: Number(b.value), name: b.getAttribute('data-name') };
      }),
      devices: ticked(f, 'device[]').map(function (b) {
        return { asset_number: b.getAttribute('data-asset'), id: Number(b.value), name: b.getAttribute('data-name') };
      }),
      personal_data_leak: f.personal_data_leak.checked,
      aware_at: aware,
    };
    var text = 'インシデント開始（オフライン記録）: ' + title + '（' + threatLabel + '）。発見者 ' + discoverer + '。' +
      (opening.personal_data_leak ? '個人データ漏えいのおそれあり。' : '');
    var payload = { opening: opening };
    if (log.drill) {
      // 訓練モード: the import makes this log a drill (src/io/offline_log.h).
      payload.drill = { scenario: log.drill.scenario, title: log.drill.title };
      text = '【訓練】' + text;
    }
    if (add('report', discovered, text, payload)) problem(f, '');
  });

  $('entry-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    if (!needAuthor(f)) return;
    var at = utcFromInput(f.occurred_at.value);
    var text = clean(f.text.value);
    if (!at) return problem(f, '日時を入力してください。');
    if (!text) return problem(f, '記録する内容を入力してください。');
    if (add(f.kind.value, at, text, {})) {
      problem(f, '');
      f.text.value = '';
      f.occurred_at.value = jstInputNow();
    }
  });

  $('contact-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    if (!needAuthor(f)) return;
    var at = utcFromInput(f.occurred_at.value);
    if (!at) return problem(f, '日時を入力してください。');
    var choice = f.elements['target'].value.split(':');
    var target;
    if (choice[0] === 'external' || choice[0] === 'internal' || choice[0] === 'officer') {
      var list = data.contacts[choice[0]];
      var found = list.filter(function (c) {
        return String(c.id) === choice[1];
      })[0];
      target = { type: choice[0], id: found.id, name: found.name };
      if (found.category) target.category = found.category;
    } else {
      target = { type: 'other', name: clean(f.other_name.value) };
    }
    if (!target.name) return problem(f, '連絡先を選ぶか、名前を入力してください。');
    var channel = f.channel.value;
    var reached = f.reached.checked;
    var said = clean(f.said.value);
    var followUp = clean(f.follow_up.value);
    var text = target.name + ' へ' + channel + (reached ? '（連絡がついた）' : '（連絡がつかなかった）') +
      (said ? '。伝えた内容: ' + said : '') + (followUp ? '。今後: ' + followUp : '');
    var payload = { contact: target, called_by: author(), channel: channel, reached: reached, said: said,
      follow_up: followUp };
    if (add('contact', at, text, payload)) {
      problem(f, '');
      f.said.value = '';
      f.follow_up.value = '';
      f.other_name.value = '';
      f.occurred_at.value = jstInputNow();
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll('form.step-form'), function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!needAuthor(f)) return;
      var state = ev.submitter ? ev.submitter.value : 'done';
      var stepId = f.getAttribute('data-step');
      var step = data.steps.filter(function (s) {
        return s.id === stepId;
      })[0];
      var note = clean(f.note.value);
      var reason = clean(f.reason.value);
      if (state === 'not_applicable' && !reason) return problem(f, '対象外とする理由を入力してください。');
      var text = step.number + ' ' + step.title + ': ' +
        (state === 'done' ? '実施済' : '対象外（理由: ' + reason + '）') + (note ? '。' + note : '');
      var payload = { step: stepId, state: state };
      if (state === 'not_applicable') payload.reason = reason;
      if (note) payload.note = note;
      if (add('step', utcNow(), text, payload)) {
        problem(f, '');
        f.note.value = '';
        f.reason.value = '';
      }
    });
  });

  // --- 訓練モード: a drill logged offline (the scenarios come with the kit) ---
  function scenarioOf(code) {
    return (data.scenarios || []).filter(function (s) {
      return s.code === code;
    })[0];
  }
  function renderDrill() {
    var banner = $('drill-banner');
    if (banner) banner.hidden = !log.drill;
    var select = $('d-scenario');
    if (!select) return;
    select.value = log.drill ? log.drill.scenario : '';
    select.disabled = !!report();  // the report fixed whether this log is a drill
    var scenario = log.drill && scenarioOf(log.drill.scenario);
    $('drill-injects').hidden = !scenario || !report();
    if (!scenario) return;
    var list = $('drill-inject-list');
    list.textContent = '';
    var shown = log.drill.revealed || 0;
    scenario.injects.forEach(function (inject, i) {
      var li = document.createElement('li');
      li.textContent = inject.minute + '分後: ' + (i < shown ? inject.text : '（まだ出していません）');
      list.appendChild(li);
    });
    $('drill-next').disabled = shown >= scenario.injects.length;
  }
  if ($('d-scenario')) {
    $('d-scenario').addEventListener('change', function (ev) {
      var scenario = scenarioOf(ev.target.value);
      log.drill = scenario ? { scenario: scenario.code, title: scenario.title, revealed: 0 } : null;
      if (scenario) {
        var f = $('report-form');
        f.threat.value = scenario.threat;
        f.how_found.value = scenario.how_found;
        f.situation.value = scenario.situation;
        f.personal_data_leak.checked = !!scenario.leak;
        f.elements['title'].value = scenario.title;
      }
      save();
      render();
    });
    $('drill-next').addEventListener('click', function () {
      var scenario = log.drill && scenarioOf(log.drill.scenario);
      if (!scenario || !needAuthor($('entry-form'))) return;
      var i = log.drill.revealed || 0;
      if (i >= scenario.injects.length) return;
      var inject = scenario.injects[i];
      log.drill.revealed = i + 1;
      var text = '【訓練】付与情報（' + inject.minute + '分後）: ' + inject.text;
      var payload = { drill_inject: { index: i, minute: inject.minute, text: inject.text } };
      if (!add('note', utcNow(), text, payload)) {
        log.drill.revealed = i;
      }
    });
  }

  $('export').addEventListener('click', exportLog);
  $('start-over').addEventListener('click', function () {
    if (!log.entries.length) return;
    if (!log.exported_at || log.exported_count !== log.entries.length) {
      alert('まだ書き出していない記録があります。先に「記録を書き出す」を押してください。');
      return;
    }
    if (!confirm('書き出したファイルを medbcp に取り込み済みですか？ このブラウザの記録を消して新しく始めます。')) return;
    log = { log_id: randomId(), entries: [], exported_at: null };
    save();
    render();
  });

  document.documentElement.classList.add('js');
  render();
})();
