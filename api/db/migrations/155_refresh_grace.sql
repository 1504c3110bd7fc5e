-- A refresh token's successor, sealed (AES-GCM, the token itself as associated data): a second
-- tab presenting the same token moments later is handed the same successor, and only someone
-- holding the spent token can open it. Nothing usable is stored.
alter table portal_refresh_tokens add column successor_ciphertext bytea;
alter table portal_refresh_tokens add column successor_iv bytea;
