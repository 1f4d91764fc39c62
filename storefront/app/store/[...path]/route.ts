import { proxy } from "../../../lib/proxy"

export const dynamic = "force-dynamic"

export const GET = proxy
export const POST = proxy
export const DELETE = proxy
export const PUT = proxy
export const PATCH = proxy
