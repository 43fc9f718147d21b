/*
| Routes of the 系统管理 organization area (under /api/system, each with its permission code).
*/
export {}
