// Keeps what an officer types in the browser (localStorage) until the server confirms it is saved.
// It listens to the page itself, not to the Blazor circuit, so text typed while the connection is down, or just
// before the session expires, is kept; the form hands it back to the server when the circuit reconnects or the
// page is loaded again. Each kept text names the stored version it was typed over: the version the page last
// rendered, or a newer one the server confirmed for this page's own save (so the officer's own saves are never
// taken for someone else's later). It also keeps the save indicator truthful while the server cannot say anything:
// "not saved yet" as soon as something typed is not confirmed and the connection is gone (or stays unconfirmed).
const prefix = "scs-answer:";

// How long a typed text may wait for the server's confirmation before the indicator says it is not saved: the
// form's debounce (0.7 s) and a save on a slow line fit well within it.
const unconfirmedAfterMs = 4000;

function keyOf(responseId, path, kind) {
    return `${prefix}${responseId}:${kind}:${path}`;
}

function read(key) {
    try {
        return JSON.parse(localStorage.getItem(key));
    } catch {
        return null;
    }
}

function write(key, entry) {
    try {
        localStorage.setItem(key, JSON.stringify(entry));
    } catch {
        // Storage full or disabled: the circuit save still runs; nothing else to do here.
    }
}

// Versions the server confirmed for this page's own saves, by response, path and kind.
const confirmedVersions = new Map();

// Whether the Blazor connection is up, as the reconnect dialog's events tell.
let connected = true;
const refreshers = new Set();

function refreshAll() {
    for (const refresh of refreshers) {
        refresh();
    }
}

function reconnectState(event) {
    const state = event.detail && event.detail.state;
    if (state === "hide" || state === "resume") {
        connected = true;
    } else if (state) {
        connected = false;
    }

    refreshAll();
}

document.getElementById("components-reconnect-modal")?.addEventListener("components-reconnect-state-changed", reconnectState);
window.addEventListener("offline", refreshAll);
window.addEventListener("online", refreshAll);

// Mirrors what the box holds where the circuit cannot: the floating label and the character counter.
function showTyped(holder, element) {
    holder.dataset.typed = element.value === "" ? "false" : "true";
    const counter = holder.querySelector(".mud-input-helper-text .ms-auto");
    const max = counter && /\/\s*(\d+)\s*$/.exec(counter.textContent || "");
    if (counter && max && counter.firstChild && counter.firstChild.nodeType === Node.TEXT_NODE) {
        counter.firstChild.nodeValue = `${element.value.length} / ${max[1]}`;
    }
}

export function attach(container, responseId, dotnet) {
    let settling = false;
    let lastSettle = 0;

    const refresh = () => {
        const indicator = document.querySelector("[data-save-indicator]");
        if (!indicator) {
            return;
        }

        const entries = pending(responseId);
        const serverSays = indicator.querySelector("[data-save-status]")?.dataset.saveStatus;
        const online = connected && navigator.onLine;
        let local = "";
        if (entries.length > 0 && serverSays !== "conflict" && serverSays !== "offline") {
            const oldest = Math.min(...entries.map((e) => Date.parse(e.at) || 0));
            local = !online || Date.now() - oldest > unconfirmedAfterMs ? "unsaved" : "pending";
        }

        if ((indicator.dataset.local || "") !== local) {
            if (local) {
                indicator.dataset.local = local;
            } else {
                delete indicator.dataset.local;
            }
        }

        // Something typed long ago is still unconfirmed while the connection is up (a save whose reply was lost, a
        // text typed back to what is stored): let the form settle it, at most every few seconds.
        if (local === "unsaved" && online && !settling && Date.now() - lastSettle > unconfirmedAfterMs) {
            settling = true;
            lastSettle = Date.now();
            dotnet.invokeMethodAsync("FlushBackupsAsync").catch(() => { }).finally(() => {
                settling = false;
                refresh();
            });
        }
    };

    const onInput = (event) => {
        const element = event.target;
        if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
            return;
        }
        const holder = element.closest("[data-backup-path]");
        if (!holder) {
            return;
        }
        const { backupPath: path, backupKind: kind, backupVersion: version } = holder.dataset;
        const key = keyOf(responseId, path, kind);
        const base = Math.max(Number(version || 0), confirmedVersions.get(key) || 0);
        write(key, { path, kind, text: element.value, base, at: new Date().toISOString() });
        showTyped(holder, element);
        refresh();
    };
    container.addEventListener("input", onInput, true);

    // After a reconnection the circuit is back: ask the form to send what was kept meanwhile.
    const modal = document.getElementById("components-reconnect-modal");
    const onReconnect = (event) => {
        if (event.detail && event.detail.state === "hide") {
            dotnet.invokeMethodAsync("FlushBackupsAsync").catch(() => { });
        }
    };
    modal?.addEventListener("components-reconnect-state-changed", onReconnect);

    refreshers.add(refresh);
    const timer = setInterval(refresh, 1000);
    refresh();

    return {
        dispose() {
            clearInterval(timer);
            refreshers.delete(refresh);
            container.removeEventListener("input", onInput, true);
            modal?.removeEventListener("components-reconnect-state-changed", onReconnect);
        },
    };
}

export function pending(responseId) {
    const start = `${prefix}${responseId}:`;
    const entries = [];
    for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key && key.startsWith(start)) {
            const entry = read(key);
            if (entry && typeof entry.path === "string") {
                entries.push(entry);
            }
        }
    }
    return entries;
}

// The server stored this text at this version. The kept copy goes if it is that text; if typing went on meanwhile, it
// stays, based on that version: the officer's own save is what it was typed over.
export function confirm(responseId, path, kind, text, version) {
    const key = keyOf(responseId, path, kind);
    if (typeof version === "number") {
        confirmedVersions.set(key, Math.max(version, confirmedVersions.get(key) || 0));
    }
    const entry = read(key);
    if (entry && entry.text === text) {
        localStorage.removeItem(key);
    } else if (entry && typeof version === "number" && version > entry.base) {
        write(key, { ...entry, base: version });
    }
    refreshAll();
}

export function discard(responseId, path, kind) {
    localStorage.removeItem(keyOf(responseId, path, kind));
    refreshAll();
}

export function scrollToQuestion(anchorId) {
    const element = document.getElementById(anchorId);
    if (element) {
        element.scrollIntoView({ behavior: "smooth", block: "center" });
        const input = element.querySelector("input, textarea");
        input?.focus({ preventScroll: true });
    }
}

export function print() {
    window.print();
}

export function rememberSection(responseId, section) {
    try {
        localStorage.setItem(`scs-section:${responseId}`, section);
    } catch {
        // Not essential.
    }
}

export function lastSection(responseId) {
    return localStorage.getItem(`scs-section:${responseId}`);
}
