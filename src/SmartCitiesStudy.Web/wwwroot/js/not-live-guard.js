// A portal page is shown (prerendered) before its circuit is live, which on a slow connection takes seconds. Links
// work then (Blazor navigates to their page), but a button pressed or a key typed would be lost: nothing on the page
// listens yet, and the live render replaces what was typed. Until the layout says it is live
// ([data-interactive='true'], MainLayout.razor), such presses and keys are held back and the page says it is not
// ready (the notice is the layout's own, in the page's language; the live render removes it).
(() => {
    const notLive = () => document.querySelector("[data-interactive='false']") !== null;
    const controls = "button, input, select, textarea, label, summary, [role=button], [role=checkbox], [role=radio]," +
        " [role=switch], [role=tab], [role=menuitem], [role=combobox], [role=slider], [contenteditable]";
    const navigationKeys = new Set(["Tab", "Shift", "Escape", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight",
        "PageUp", "PageDown", "Home", "End"]);

    function works(target) {
        // Links navigate, and plain HTML forms (sign out) post without a circuit.
        return target.closest("a[href]") !== null || target.closest("form[action]") !== null;
    }

    function hold(event) {
        if (!notLive() || !(event.target instanceof Element) || works(event.target)) {
            return;
        }
        if (event.type === "keydown" && (navigationKeys.has(event.key) || event.ctrlKey || event.metaKey || event.altKey)) {
            return;
        }
        if (!event.target.closest(controls)) {
            return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        const notice = document.querySelector("[data-not-live-notice]");
        if (notice) {
            notice.hidden = false;
        }
    }

    for (const type of ["click", "keydown", "beforeinput", "paste", "drop"]) {
        document.addEventListener(type, hold, true);
    }
})();
