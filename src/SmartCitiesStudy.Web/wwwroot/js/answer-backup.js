// Keeps what an officer types in the browser (localStorage) until the server confirms it is saved.
// It listens to the page itself, not to the Blazor circuit, so text typed while the connection is down, or just
// before the session expires, is kept; the form hands it back to the server when the circuit reconnects or the
// page is loaded again.
const prefix = "scs-answer:";

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

export function attach(container, responseId, dotnet) {
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
        try {
            localStorage.setItem(keyOf(responseId, path, kind), JSON.stringify({
                path, kind, text: element.value, base: Number(version || 0), at: new Date().toISOString(),
            }));
        } catch {
            // Storage full or disabled: the circuit save still runs; nothing else to do here.
        }
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

    return {
        dispose() {
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

// Removes a kept answer once the server has it: only if the kept text is what was saved (typing may have gone on).
export function confirm(responseId, path, kind, text) {
    const key = keyOf(responseId, path, kind);
    const entry = read(key);
    if (entry && entry.text === text) {
        localStorage.removeItem(key);
    }
}

export function discard(responseId, path, kind) {
    localStorage.removeItem(keyOf(responseId, path, kind));
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
