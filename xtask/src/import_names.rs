//! Short names for the main module's imports from wasm-bindgen's glue.
//!
//! wasm-bindgen names each JS function the wasm imports after what it calls plus a
//! 16-digit hash (`__wbg_set_search_79a1604a24707ef7`), and writes every name twice:
//! in the wasm's import section and as a key of the glue's imports object. Over the
//! console's ~250 imports that is 13 KB of names in each file, the hashes
//! incompressible, and every route's first load carries both files. Here each name
//! becomes a short one (`A`, `B`, … `A1`) in both, before wasm-opt and esbuild run.
//! Only the glue's own module is renamed; the split loader's imports
//! (`./__wasm_split.js`) keep the names its exports have.

use std::path::Path;

/// The module name under which the wasm imports the glue's functions.
const GLUE_MODULE: &str = "./org-console_bg.js";

/// Renames the imports of `wasm` from [`GLUE_MODULE`] in it and in `glue`; returns
/// how many were renamed.
pub fn shorten(wasm: &Path, glue: &Path) -> Result<usize, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("reading {}: {e}", p.display()));
    let module = read(wasm)?;
    let script = String::from_utf8(read(glue)?).map_err(|e| format!("{}: {e}", glue.display()))?;
    let (module, renamed) = rename_imports(&module)?;
    let script = rename_in_script(&script, &renamed)?;
    std::fs::write(wasm, module).map_err(|e| format!("writing {}: {e}", wasm.display()))?;
    std::fs::write(glue, script).map_err(|e| format!("writing {}: {e}", glue.display()))?;
    Ok(renamed.len())
}

/// The `n`th short name: a capital letter, then base-36 digits. A JS identifier and
/// never a keyword (none starts with a capital).
fn short_name(n: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut name = vec![b'A' + (n % 26) as u8];
    let mut rest = n / 26;
    while rest > 0 {
        name.push(DIGITS[rest % 36]);
        rest /= 36;
    }
    String::from_utf8(name).expect("ASCII")
}

/// Each renamed import: (old name, new name).
type Renamed = Vec<(String, String)>;

/// The module with its glue imports renamed, and each renamed import.
fn rename_imports(module: &[u8]) -> Result<(Vec<u8>, Renamed), String> {
    if module.len() < 8 || &module[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut out = module[..8].to_vec();
    let mut renamed = Vec::new();
    let mut at = 8;
    while at < module.len() {
        let id = module[at];
        let (size, body) = read_leb(module, at + 1)?;
        let end = body + size as usize;
        let payload = module.get(body..end).ok_or("a section runs past the end")?;
        if id == 2 {
            let section = rename_in_import_section(payload, &mut renamed)?;
            out.push(2);
            write_leb(&mut out, section.len() as u64);
            out.extend(section);
        } else {
            out.extend(&module[at..end]);
        }
        at = end;
    }
    Ok((out, renamed))
}

fn rename_in_import_section(payload: &[u8], renamed: &mut Renamed) -> Result<Vec<u8>, String> {
    let (count, mut at) = read_leb(payload, 0)?;
    let mut out = Vec::with_capacity(payload.len());
    write_leb(&mut out, count);
    for _ in 0..count {
        let (module, next) = read_name(payload, at)?;
        let (field, next) = read_name(payload, next)?;
        let end = skip_import_type(payload, next)?;
        let field = if module == GLUE_MODULE {
            let short = short_name(renamed.len());
            renamed.push((field.to_string(), short.clone()));
            short
        } else {
            field.to_string()
        };
        write_name(&mut out, module);
        write_name(&mut out, &field);
        out.extend(&payload[next..end]);
        at = end;
    }
    if at != payload.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok(out)
}

/// Where an import's type ends (function, table, memory, global or tag).
fn skip_import_type(b: &[u8], at: usize) -> Result<usize, String> {
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *b.get(at).ok_or("truncated limits")?;
        let (_, at) = read_leb(b, at + 1)?;
        if flags & 1 == 1 {
            Ok(read_leb(b, at)?.1)
        } else {
            Ok(at)
        }
    };
    match b.get(at).ok_or("truncated import")? {
        0 => Ok(read_leb(b, at + 1)?.1),
        1 => limits(at + 2),
        2 => limits(at + 1),
        3 => Ok(at + 3),
        4 => Ok(read_leb(b, at + 2)?.1),
        kind => Err(format!("unknown import kind {kind}")),
    }
}

/// The glue with each old name replaced where it stands as a whole word. Every name
/// must be found: a glue that names its imports differently is an error, not a
/// module that fails to instantiate.
fn rename_in_script(script: &str, renamed: &[(String, String)]) -> Result<String, String> {
    let mut out = script.to_string();
    for (old, new) in renamed {
        let replaced = replace_word(&out, old, new);
        if replaced == out {
            return Err(format!("the glue does not name the import {old}"));
        }
        out = replaced;
    }
    Ok(out)
}

fn replace_word(text: &str, word: &str, with: &str) -> String {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (i, _) in text.match_indices(word) {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        if before.is_some_and(is_ident) || after.is_some_and(is_ident) {
            continue;
        }
        out.push_str(&text[copied..i]);
        out.push_str(with);
        copied = i + word.len();
    }
    out.push_str(&text[copied..]);
    out
}

fn read_leb(b: &[u8], mut at: usize) -> Result<(u64, usize), String> {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let byte = *b.get(at).ok_or("truncated LEB128")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
        shift += 7;
        if shift > 63 {
            return Err("LEB128 too long".into());
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_name(b: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (len, at) = read_leb(b, at)?;
    let end = at + len as usize;
    let bytes = b.get(at..end).ok_or("truncated name")?;
    let name = std::str::from_utf8(bytes).map_err(|e| format!("an import name: {e}"))?;
    Ok((name, end))
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two glue functions, a split loader and a memory.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 4);
        for (module, field, ty) in [
            (GLUE_MODULE, "__wbg_now_0123456789abcdef", &[0u8, 0][..]),
            ("./__wasm_split.js", "__wasm_split_load_users", &[0, 1]),
            (GLUE_MODULE, "__wbg_now_fedcba9876543210", &[0, 0]),
            ("env", "memory", &[2, 1, 1, 2]),
        ] {
            write_name(&mut imports, module);
            write_name(&mut imports, field);
            imports.extend(ty);
        }
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // A type section before, a custom section after: copied as they are.
        m.extend([1, 4, 1, 0x60, 0, 0]);
        m.push(2);
        write_leb(&mut m, imports.len() as u64);
        m.extend(imports);
        m.extend([0, 3, 2, b'h', b'i']);
        m
    }

    #[test]
    fn glue_imports_get_short_names_and_the_rest_stays() {
        let (out, renamed) = rename_imports(&module()).unwrap();
        assert_eq!(
            renamed,
            [
                ("__wbg_now_0123456789abcdef".to_string(), "A".to_string()),
                ("__wbg_now_fedcba9876543210".to_string(), "B".to_string()),
            ]
        );
        let (again, none) = rename_imports(&out).unwrap();
        assert_eq!(again, out, "the rewritten module parses the same way");
        assert_eq!(none.len(), 2);
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("__wasm_split_load_users") && text.contains("memory"));
        assert!(!text.contains("__wbg_now"));
        assert!(out.starts_with(&[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0]));
        assert!(out.ends_with(&[0, 3, 2, b'h', b'i']));
    }

    #[test]
    fn the_glue_is_renamed_by_whole_words_and_a_missing_name_is_an_error() {
        let renamed = [("__wbg_now_01".to_string(), "A".to_string())];
        let glue = "const i={__wbg_now_01:function(){return Date.now()}};x.__wbg_now_012;";
        assert_eq!(
            rename_in_script(glue, &renamed).unwrap(),
            "const i={A:function(){return Date.now()}};x.__wbg_now_012;"
        );
        assert!(rename_in_script("const i={};", &renamed).is_err());
    }

    #[test]
    fn short_names_are_identifiers_and_distinct() {
        let names: Vec<String> = (0..2000).map(short_name).collect();
        let distinct: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.starts_with(|c: char| c.is_ascii_uppercase())));
        assert_eq!(
            (names[0].as_str(), names[25].as_str(), names[26].as_str()),
            ("A", "Z", "A1")
        );
    }
}
