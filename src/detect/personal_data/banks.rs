//! The bank codes of Dutch IBANs: the four letters after the check digits (NL91 **ABNA** 0417…),
//! the first four letters of the bank's BIC. A Dutch IBAN with another code does not exist, so a
//! string that passes mod 97 by chance (one in 97) but names no bank is not an IBAN.
//!
//! From the Betaalvereniging's list of BIC codes of Dutch banks, including codes of banks that
//! have merged or stopped (their IBANs may still be written down).

const DUTCH_BANK_CODES: &[&str] = &[
    "ABNA", "ABNC", "ADYB", "AEGO", "ANAA", "ANDL", "ARBN", "ARSN", "ASNB", "ATBA", "BARC", "BCDM", "BCIT", "BICK",
    "BINK", "BITS", "BKCH", "BKMG", "BLGW", "BMEU", "BNDA", "BNGH", "BNPA", "BOFA", "BOFS", "BOTK", "BUNQ", "CHAS",
    "CITC", "CITI", "COBA", "DEUT", "DHBN", "DLBK", "DNIB", "EBUR", "FBHL", "FLOR", "FNOM", "FRBK", "FRGH", "FTSB",
    "FVLB", "GILL", "HAND", "HHBA", "HSBC", "ICBK", "INGB", "ISAE", "ISBK", "KABA", "KASA", "KNAB", "KOEX", "KRED",
    "LOCY", "LOYD", "LPLN", "MHCB", "MOYO", "NNBA", "NTSB", "NWAB", "PCBC", "QNTO", "RABO", "RBRB", "REVO", "SNSB",
    "SOGE", "SWNB", "TEBU", "TRIO", "UBSW", "UGBI", "VOWA", "ZWLB",
];

/// Is `code` (upper case) the bank code of a Dutch bank?
pub fn is_dutch_bank_code(code: &str) -> bool {
    DUTCH_BANK_CODES.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_known() {
        assert!(DUTCH_BANK_CODES.windows(2).all(|w| w[0] < w[1]), "keep the list sorted");
        for code in ["ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "BUNQ", "KNAB", "RBRB"] {
            assert!(is_dutch_bank_code(code), "{code}");
        }
        assert!(!is_dutch_bank_code("XXXX"));
    }
}
