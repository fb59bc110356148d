// The production host the tests build for. `.invalid` is reserved (RFC 2606): it can never
// resolve, so a test build can never be deployed by mistake. A real deployment sets
// PIANO_PROD_URL to its own host (docs/deploy.md); `npm run build` refuses to guess one.
module.exports = { TEST_PROD_URL: "https://piano.example.invalid/" };
