import type { PublicDeployment } from '@saatja/core';
import { api } from './api-client';

export const getDeployment = () => api<PublicDeployment>('GET', '/deployment');
