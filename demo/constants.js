// Shared by scripts/dev.js (which prints the login) and demo/seed.ts.
const DEMO_MARKER_REGION = "Iran"

const DEMO_ADMIN = {
  email: "admin@loyalty-club.test",
  password: "loyalty-demo",
}

// Phone numbers in E.164: the club identifies shoppers by phone.
const DEMO_CUSTOMERS = [
  {
    email: "sara@example.com",
    first_name: "Sara",
    last_name: "Ahmadi",
    phone: "+989121234567",
  },
  {
    email: "reza@example.com",
    first_name: "Reza",
    last_name: "Karimi",
    phone: "+989351112233",
  },
  {
    email: "emily@example.com",
    first_name: "Emily",
    last_name: "Carter",
    phone: "+14155550142",
  },
]

module.exports = { DEMO_ADMIN, DEMO_CUSTOMERS, DEMO_MARKER_REGION }
