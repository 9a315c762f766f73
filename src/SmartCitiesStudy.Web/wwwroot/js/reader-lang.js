// Reader pages take their language from the URL (?lang=), never from a cookie, so that a shared cache (CDN, nginx)
// can keep each language of a page (ADR 0015). This keeps the reader's language when they follow a link to another
// page of the site or search the good practices. Without JavaScript the links still work, in English.
(() => {
    const language = () =>
        document.querySelector('.site-languages a[aria-current="true"]')?.getAttribute('lang') ?? 'en';
    const skip = url =>
        url.origin !== location.origin || url.searchParams.has('lang') || /^\/(portal|api|Account|_)/.test(url.pathname)
        || /\.(pdf|csv|xlsx|json)$/.test(url.pathname);

    document.addEventListener('click', event => {
        const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
        const lang = language();
        if (!link || lang === 'en' || link.hasAttribute('hreflang')) {
            return;
        }

        const url = new URL(link.href, location.href);
        if (!skip(url)) {
            url.searchParams.set('lang', lang);
            link.href = url.toString();
        }
    }, true);

    document.addEventListener('submit', event => {
        const form = event.target;
        const lang = language();
        if (!(form instanceof HTMLFormElement) || form.method !== 'get' || lang === 'en' || form.elements.namedItem('lang')) {
            return;
        }

        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'lang';
        input.value = lang;
        form.append(input);
    }, true);
})();
