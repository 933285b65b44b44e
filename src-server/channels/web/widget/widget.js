/* global window, document */
// The demo chat widget: a visitor on a customer's website talks to an agent over /visitor.
// Plain browser JavaScript (served as is, no build); every text goes in with textContent.
(() => {
  'use strict';
  const STORAGE_KEY = 'agentdeck.chat';
  const $ = (id) => document.getElementById(id);
  const startForm = $('start');
  const chat = $('chat');
  const lines = $('lines');
  const typingNote = $('typing');
  const status = $('status');
  const sendForm = $('send');
  const lineBox = $('line');
  const seen = new Set();

  const saved = readSaved();
  const socket = window.io('/visitor', {
    transports: ['websocket'],
    // Every (re)connection presents the conversation this tab started, if any.
    auth: (cb) => cb(readSaved() ?? {}),
  });

  function readSaved() {
    try {
      const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
      return value && typeof value.conversationId === 'string' && typeof value.token === 'string'
        ? { conversationId: value.conversationId, token: value.token }
        : null;
    } catch {
      return null;
    }
  }

  function showChat() {
    startForm.hidden = true;
    chat.hidden = false;
    lineBox.focus();
  }

  function addLine(line) {
    if (line.id && seen.has(line.id)) return;
    if (line.id) seen.add(line.id);
    const item = document.createElement('li');
    item.className = `line ${line.from}`;
    if (line.from === 'agent') {
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = line.name;
      item.append(who);
    }
    item.append(document.createTextNode(line.body));
    lines.append(item);
    lines.scrollTop = lines.scrollHeight;
  }

  let isEnded = false;
  /** Shown once, whoever says it first: the answer to "End chat" or the server's notice. */
  function ended() {
    if (isEnded) return;
    isEnded = true;
    addLine({ from: 'system', body: 'The chat has ended. Thank you!' });
    sessionStorage.removeItem(STORAGE_KEY);
    sendForm.hidden = true;
    $('leave').hidden = true;
    typingNote.hidden = true;
    status.textContent = 'The chat has ended.';
  }

  if (saved) showChat();

  socket.on('connect', () => {
    status.textContent =
      saved || readSaved()
        ? 'Connected — an agent will be with you shortly.'
        : 'We usually answer within a few minutes.';
  });
  socket.on('connect_error', (err) => {
    if (err.message === 'forbidden') {
      // A stale or foreign conversation: start afresh.
      sessionStorage.removeItem(STORAGE_KEY);
      startForm.hidden = false;
      chat.hidden = true;
      socket.auth = (cb) => cb({});
      socket.connect();
    } else {
      status.textContent = 'Reconnecting…';
    }
  });
  socket.on('chat:message', (line) => {
    typingNote.hidden = true;
    if (line.from === 'agent') status.textContent = `You are chatting with ${line.name}.`;
    addLine(line);
  });
  socket.on('chat:history', (history) => {
    if (!Array.isArray(history)) return;
    history.forEach(addLine);
    const agent = history.filter((line) => line.from === 'agent').pop();
    if (agent) status.textContent = `You are chatting with ${agent.name}.`;
  });
  socket.on('chat:typing', ({ typing }) => {
    typingNote.hidden = !typing;
  });
  socket.on('chat:ended', ended);

  startForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(startForm);
    const message = String(data.get('message') ?? '').trim();
    const start = { name: String(data.get('name') ?? ''), email: String(data.get('email') ?? '') };
    if (message) start.message = message;
    $('start-error').textContent = '';
    socket.timeout(10000).emit('chat:start', start, (err, answer) => {
      if (err || !answer.ok) {
        $('start-error').textContent = err ? 'No answer; try again.' : answer.error.message;
        return;
      }
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(answer.data));
      showChat();
      if (message) addLine({ from: 'visitor', body: message });
      status.textContent = 'Connected — an agent will be with you shortly.';
    });
  });

  let typingSent = false;
  let typingTimer;
  lineBox.addEventListener('input', () => {
    if (!typingSent) socket.emit('chat:typing', { typing: true });
    typingSent = true;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      typingSent = false;
      socket.emit('chat:typing', { typing: false });
    }, 2000);
  });
  lineBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      sendForm.requestSubmit();
    }
  });

  sendForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = lineBox.value.trim();
    if (!body) return;
    $('send-error').textContent = '';
    socket.timeout(10000).emit('chat:message', { body }, (err, answer) => {
      if (err || !answer.ok) {
        $('send-error').textContent = err ? 'Not sent; try again.' : answer.error.message;
        return;
      }
      lineBox.value = '';
      clearTimeout(typingTimer);
      if (typingSent) socket.emit('chat:typing', { typing: false });
      typingSent = false;
      addLine(answer.data);
    });
  });

  $('leave').addEventListener('click', () => {
    socket.emit('chat:leave', {}, () => ended());
  });
})();
