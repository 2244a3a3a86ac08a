function wrapAsyncCb(callee, packedSplit) {
    return async (callbackIndex, callbackData) => {
        let success;
        try {
            if (packedSplit) __wasm_split_use_pack(packedSplit);
            await callee();
            success = true;
        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }
    }
}
// The first packed split's files by name (`Options::pack_eager_splits`, patched in by
// the org console): a promise of a Map, or of null when the pack could not be had.
let packedFiles = undefined;
// Starts reading the pack of `split` (an eager split's name; others have none) before
// its page asks: the page that calls this first (the org console's early-session.js,
// with the first screen's split) finds its modules compiled when it asks for them.
export function __wasm_split_use_pack(split) {
    if (Object.hasOwn(packs, split)) usePack(packs[split]);
}
function usePack(url) {
    if (packedFiles !== undefined) return;
    packedFiles = fetch(url)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${url}: ${r.status}`))))
        .then(unpack)
        .catch((e) => {
            console.warn(e);
            return null;
        });
}
// A pack is a wasm module of custom sections only: each is named by a file and holds
// its bytes. All of its files start compiling at once, off the main thread, as soon
// as the pack is in (early-session.js preloads it and asks for it with
// `__wasm_split_use_pack`; else when the first page asks for its split); the page
// then instantiates compiled modules.
function unpack(buffer) {
    const bytes = new Uint8Array(buffer);
    let at = 8;
    const leb = () => {
        let value = 0;
        for (let shift = 0; ; shift += 7) {
            if (at >= bytes.length) throw new Error("a pack ends within a section");
            const b = bytes[at++];
            value += (b & 0x7f) * 2 ** shift;
            if (b < 0x80) return value;
        }
    };
    const files = new Map();
    const text = new TextDecoder();
    while (at < bytes.length) {
        if (bytes[at++] !== 0) throw new Error("a pack holds custom sections only");
        const end = leb() + at;
        const nameLength = leb();
        const name = text.decode(bytes.subarray(at, at + nameLength));
        if (end > bytes.length) throw new Error("a pack ends within a section");
        const compiled = WebAssembly.compile(bytes.subarray(at + nameLength, end));
        compiled.catch(() => {}); // seen by the page that asks for the file
        files.set(name, compiled);
        at = end;
    }
    return files;
}
// A module: compiled from the pack when it holds the file, else its response, fetched
// on its own.
async function fetchChunk(url) {
    const files = await packedFiles;
    const name = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
    const compiled = files?.get(name);
    if (compiled === undefined) return fetch(url);
    files.delete(name);
    return compiled;
}
// Instantiates what `fetchChunk` gave, as `instantiateStreaming` answers. A compiled
// module is instantiated at once: `WebAssembly.instantiate` would answer in a task of
// its own for each module, and the browser drew a frame of the half-built page
// between two of them. A browser that refuses a large module on the main thread
// (a RangeError) gets it asynchronously.
async function instantiateChunk(source, imports) {
    if (!(source instanceof WebAssembly.Module)) return WebAssembly.instantiateStreaming(source, imports);
    try {
        return { module: source, instance: new WebAssembly.Instance(source, imports) };
    } catch (e) {
        if (!(e instanceof RangeError)) throw e;
    }
    return { module: source, instance: await WebAssembly.instantiate(source, imports) };
}
function makeLoad(fetcher, deps) {
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
        await Promise.all(parallelStuff);
        const imports = getSharedImports();
        return instantiate(imports);
    };
    let loadingModule = undefined;
    return () => {
        if (loadingModule === undefined) {
            const thisLoad = loader();
            // Memoize successes only: a rejected load must not be cached for
            // the lifetime of the session, or one transient network failure
            // permanently breaks the module. Clearing on rejection lets the
            // next call (e.g. the Rust side re-invoking load after a failed
            // callback) start a fresh attempt.
            thisLoad.catch(() => {
                if (loadingModule === thisLoad) loadingModule = undefined;
            });
            loadingModule = thisLoad;
        }
        return loadingModule;
    }
}
