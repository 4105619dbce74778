import type { Request } from 'express';
import type { UserRepository, UserRow } from '../auth/user-repository';
import { AppError } from '../http/app-error';

/** The card an admin works on: /admin/users/:code/… */
export const cardOwnerByCode =
  (users: UserRepository) =>
  async (req: Request): Promise<UserRow> => {
    const user = await users.findByCode(String(req.params.code));
    if (!user) throw new AppError('notFound');
    return user;
  };
