/*
| Routes of the 系统管理 identity area (under /api/system, each with its permission code).
*/
export {}
