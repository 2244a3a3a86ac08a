use std::path::Path;

/// Web target specific options
#[derive(Default)]
pub struct WebTargetOptions {
    _priv: (),
}

/// Bundler target specific options
#[derive(Default)]
pub struct BundlerTargetOptions {
    pub(crate) _source_imports: bool,
}

/// Target specific options
#[non_exhaustive]
pub enum OutputTarget {
    Web(WebTargetOptions),
    Bundler(BundlerTargetOptions),
}

impl Default for OutputTarget {
    fn default() -> Self {
        Self::Web(Default::default())
    }
}

impl OutputTarget {
    /// Change the target to "web".
    ///
    /// This target supports javascript modules, but instantiates
    /// wasm modules with manually configured imports.
    pub fn web(&mut self) -> &mut WebTargetOptions {
        loop {
            if let Self::Web(web) = self {
                break web;
            }
            *self = Self::Web(Default::default());
        }
    }
    /// Change the target to "bundler".
    ///
    /// This target is geared towards webpack. Wasm modules derive
    /// their imports from the declared import paths.
    pub fn bundler(&mut self) -> &mut BundlerTargetOptions {
        loop {
            if let Self::Bundler(bundler) = self {
                break bundler;
            }
            *self = Self::Bundler(Default::default())
        }
    }
}

#[non_exhaustive]
pub struct Options<'a> {
    /// The input wasm to split
    pub input_wasm: &'a [u8],
    /// Where to put javascript wrappers, split wasm modules.
    ///
    /// Default: `Path::new("wasm_split")`
    pub output_dir: &'a Path,
    /// Where to put the main module that has to be post-processed by wasm-bindgen.
    /// Usually a path in `output_dir`.
    ///
    /// Default: `Path::new("wasm_split/main.wasm")`
    pub main_out_path: &'a Path,
    /// Module path of the created link file, relative to the output dir.
    /// The wasm will use this path to import the loader functions for the split chunks.
    ///
    /// Default: `"./__wasm_split.js"`
    pub link_name: &'a str,
    /// Output target
    ///
    /// Default: Web
    pub target: OutputTarget,
    /// The meaning of this depends on the target:
    /// - for web, this is that module path from where `initSync` will be imported from
    /// - for bundler this is the module path to the wasm module
    ///
    /// Default: `"./main.js"`
    pub main_module: &'a str,
    /// Verbosely output additional information about processing.
    ///
    /// Default: false
    pub verbose: bool,
    /// Switch to transform and emit `.debug_` sections.
    ///
    /// This option is experimental.
    /// Default: `true` if the `WASM_SPLIT_CLI_ENABLE_DWARF` environment variable is non-empty.
    pub emit_dwarf: bool,
    /// The splits a first visit may load (one per page), if the caller says: then the
    /// chunks shared by the same of these splits are merged into one, whichever other
    /// splits (parts loaded later, on demand) share them too, and the chunk all of them
    /// need goes into the main module. No first visit loads more, and it loads fewer,
    /// larger files. `None`: one chunk per set of splits.
    ///
    /// Patched in by the org console (see `vendor/README.md`).
    pub eager_splits: Option<&'a [&'a str]>,
    /// With `eager_splits`: a chunk whose code is smaller than this many bytes is
    /// merged into the smallest chunk that every eager split needing it needs too.
    /// Each such chunk is one more request for a first visit; merged, a few
    /// hundred bytes go to the pages that did not need them. `0`: no such merge.
    ///
    /// Patched in by the org console (see `vendor/README.md`).
    pub merge_chunks_below: u64,
    /// With `eager_splits`: the loader takes the first of these splits a visit loads,
    /// and the chunks it needs, from one file, [`pack_file_name`] of the split, that
    /// the caller writes beside the modules once they are final: a wasm module of
    /// custom sections only, each named by a file (`chunk_3.wasm`) and holding its
    /// bytes. One request instead of one per file, and the files compressed together.
    /// A file the pack lacks, or every file if the pack cannot be fetched, is fetched
    /// on its own; later splits fetch their own files, never a pack.
    ///
    /// Patched in by the org console (see `vendor/README.md`).
    pub pack_eager_splits: bool,
    /// Enables explicit tests for assumptions we make about the input wasm file during integration testing.
    #[doc(hidden)]
    pub strict_tests: bool,
}

impl<'wasm> Options<'wasm> {
    /// New default options of the specified input wasm.
    pub fn new(input_wasm: &'wasm [u8]) -> Self {
        Self {
            input_wasm,
            output_dir: Path::new("wasm_split"),
            main_out_path: Path::new("wasm_split/main.wasm"),
            link_name: "./__wasm_split.js",
            main_module: "./main.js",
            target: OutputTarget::default(),
            verbose: false,
            emit_dwarf: std::env::var_os("WASM_SPLIT_CLI_ENABLE_DWARF")
                .is_some_and(|v| !v.is_empty()),
            strict_tests: false,
            eager_splits: None,
            merge_chunks_below: 0,
            pack_eager_splits: false,
        }
    }
}

/// The file of a split's pack (see [`Options::pack_eager_splits`]), beside the modules.
///
/// Patched in by the org console (see `vendor/README.md`).
pub fn pack_file_name(split: &str) -> String {
    format!("pack_{split}.wasm")
}
