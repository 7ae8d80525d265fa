// Streams a reply from POST /api/chat/stream (Server-Sent Events read from the fetch body as they arrive):
// thinking goes into a collapsible <details>, text into the reply, usage under it and into the session totals.
// The page keeps the conversation: every request carries the earlier turns, the assistant's exactly as the
// 'done' event gave them (thinking blocks with their signatures), because MiniMax needs them back unchanged.
(() => {
    const form = document.getElementById('composer');
    const promptBox = document.getElementById('prompt');
    const sendButton = document.getElementById('send');
    const conversation = document.getElementById('conversation');
    const totals = { input: 0, output: 0, replies: 0 };
    let history = [];

    document.getElementById('new-conversation').addEventListener('click', () => {
        history = [];
        conversation.replaceChildren();
        totals.input = totals.output = totals.replies = 0;
        showTotals();
        promptBox.focus();
    });

    // The header: the model in use, a badge when the offline simulator answers, what costs are priced at.
    fetch('/api/about').then((response) => response.json()).then((about) => {
        document.getElementById('offline-badge').hidden = !about.offlineSimulator;
        document.getElementById('model').textContent = about.model ? `model ${about.model}` : '';
        document.getElementById('pricing-label').textContent = about.pricingLabel ? `costs: ${about.pricingLabel}` : '';
    }).catch(() => { /* the chat works without its header details */ });

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const prompt = promptBox.value.trim();
        if (!prompt) {
            return;
        }
        promptBox.value = '';
        sendButton.disabled = true;
        addMessage('user', prompt);
        const reply = addReply();
        try {
            await streamReply(prompt, document.getElementById('thinking').checked, reply);
            if (reply.content) {
                history = history.concat([{ role: 'user', content: [{ type: 'text', text: prompt }] },
                    { role: 'assistant', content: reply.content }]);
            }
        } catch (error) {
            showError(reply, error.message);
        } finally {
            sendButton.disabled = false;
            promptBox.focus();
        }
    });

    promptBox.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            form.requestSubmit();
        }
    });

    async function streamReply(prompt, thinking, reply) {
        const response = await fetch('/api/chat/stream', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
            body: JSON.stringify({ prompt, thinking, history })
        });
        if (!response.ok) {
            const body = await response.json().catch(() => ({}));
            throw new Error(body.error || `HTTP ${response.status}`);
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
            const { value, done } = await reader.read();
            if (done) {
                break;
            }
            buffer += decoder.decode(value, { stream: true });
            let boundary;
            while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
                const raw = buffer.slice(0, boundary);
                buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
                handleEvent(parseEvent(raw), reply);
            }
        }
        if (!reply.finished) {
            throw new Error('The reply was cut off before it finished; try again.');
        }
    }

    function parseEvent(raw) {
        let name = 'message';
        const data = [];
        for (const line of raw.split(/\r?\n/)) {
            if (line.startsWith('event:')) {
                name = line.slice(6).trim();
            } else if (line.startsWith('data:')) {
                data.push(line.slice(5).replace(/^ /, ''));
            }
        }
        return { name, data: data.length ? JSON.parse(data.join('\n')) : {} };
    }

    function handleEvent(event, reply) {
        switch (event.name) {
            case 'thinking':
                reply.thinkingBox.hidden = false;
                reply.thinkingText.textContent += event.data.text;
                break;
            case 'text':
                reply.text.textContent += event.data.text;
                break;
            case 'usage':
                showUsage(reply, event.data);
                break;
            case 'error':
                reply.finished = true;
                showError(reply, event.data.message);
                break;
            case 'done':
                reply.finished = true;
                reply.content = event.data.content;
                break;
            default:
                break;
        }
        conversation.scrollTop = conversation.scrollHeight;
    }

    function showUsage(reply, usage) {
        reply.usage.textContent = `tokens: in ${usage.input} (cache read ${usage.cacheRead}) · out ${usage.output} · total ${usage.total}`;
        reply.usage.dataset.input = usage.input;
        reply.usage.dataset.output = usage.output;
        totals.input += usage.input;
        totals.output += usage.output;
        totals.replies += 1;
        showTotals();
    }

    function showTotals() {
        document.getElementById('total-input').textContent = totals.input;
        document.getElementById('total-output').textContent = totals.output;
        document.getElementById('total-replies').textContent = totals.replies;
    }

    function showError(reply, message) {
        reply.error.hidden = false;
        reply.error.textContent = message;
    }

    function addMessage(role, text) {
        const bubble = document.createElement('div');
        bubble.className = `message ${role}`;
        bubble.textContent = text;
        conversation.appendChild(bubble);
        return bubble;
    }

    function addReply() {
        const bubble = addMessage('assistant', '');
        const thinkingBox = document.createElement('details');
        thinkingBox.className = 'thinking';
        thinkingBox.hidden = true;
        const summary = document.createElement('summary');
        summary.textContent = 'Thinking';
        const thinkingText = document.createElement('div');
        thinkingText.className = 'thinking-text';
        thinkingBox.append(summary, thinkingText);
        const text = document.createElement('div');
        text.className = 'reply-text';
        const usage = document.createElement('div');
        usage.className = 'usage';
        const error = document.createElement('div');
        error.className = 'error';
        error.hidden = true;
        bubble.append(thinkingBox, text, usage, error);
        return { thinkingBox, thinkingText, text, usage, error, finished: false, content: null };
    }
})();
